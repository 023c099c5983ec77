//! Languages and the interface texts in each.
//!
//! Every text lives in one [`Texts`] struct with a Danish and an English instance, so the compiler
//! refuses a text that exists in only one language. Choosing the language is a pure function of the
//! `lang` query parameter, the stored preference and the browser's languages ([`Lang::resolve`]), so
//! it is tested natively; the web layer only gathers those three inputs.

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    // The discriminants index a [`Both`].
    Da = 0,
    #[default]
    En = 1,
}

impl Lang {
    /// Both languages, in the order the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The BCP 47 code used in `lang` attributes, links and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Parse exactly `da` or `en` (case-insensitive, surrounding space ignored).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Parse a browser language tag such as `da-DK` or `en-GB` by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Choose the language: a valid `lang` query parameter wins (links and embeds), then a valid
    /// stored preference, then the first browser language we speak, then English. Anything that
    /// does not parse is ignored silently: a bad value must never stop the app.
    pub fn resolve(query: Option<&str>, stored: Option<&str>, browser: &[String]) -> Lang {
        query
            .and_then(Lang::parse)
            .or_else(|| stored.and_then(Lang::parse))
            .or_else(|| browser.iter().find_map(|t| Lang::from_tag(t)))
            .unwrap_or_default()
    }

    /// The texts of this language.
    pub fn texts(self) -> &'static Texts {
        // A match on the two statics, not a `Both` of them: at each of the many call sites that is a
        // choice between two addresses, not a load through a table (42 B gzip on the workshop page).
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }
}

/// A text in both languages: the one way a text is written twice, whether a word in a table (a
/// parameter's label), a page's texts (a struct of them: the pages' `TEXTS`) or a value read from
/// a file (a story's). Made only by [`Both::new`], which takes both, Danish first, so the compiler
/// refuses a text without either language. A sentence built from values is a `match` on [`Lang`]
/// (the compiler asks for both arms). Held as a pair indexed by the language: one load per use,
/// where named fields chosen by a `match` made each page about 0.5 KB gzip larger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Both<T>([T; 2]);

impl<T> Both<T> {
    pub const fn new(da: T, en: T) -> Self {
        Both([da, en])
    }

    /// The text in `lang`.
    pub const fn get(&self, lang: Lang) -> &T {
        &self.0[lang as usize]
    }

    /// The Danish text.
    pub const fn da(&self) -> &T {
        &self.0[0]
    }

    /// The English text.
    pub const fn en(&self) -> &T {
        &self.0[1]
    }
}

impl<'a> Both<&'a str> {
    /// The text in `lang` (the `&str` itself).
    pub const fn of(&self, lang: Lang) -> &'a str {
        self.0[lang as usize]
    }
}

/// Why saving a scenario failed, one text per reason.
#[derive(Debug)]
pub struct SaveFailed {
    pub empty_name: &'static str,
    /// 50 scenarios are saved already.
    pub list_full: &'static str,
    pub storage_full: &'static str,
    pub storage_unavailable: &'static str,
}

/// Every interface text, one field per text. Add a field here and the compiler asks for both
/// languages.
#[derive(Debug)]
pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub language_switch_label: &'static str,
    /// The name of this language, in this language.
    pub language_name: &'static str,
    pub nav_label: &'static str,
    pub nav_overview: &'static str,
    pub nav_how: &'static str,
    pub nav_sources: &'static str,
    pub skip_to_content: &'static str,
    pub footer_label: &'static str,
    pub footer_privacy: &'static str,
    /// The link to the workshop page (workshop.html).
    pub workshop: &'static str,
    pub overview_title: &'static str,
    pub overview_intro: &'static str,
    pub overview_q1_title: &'static str,
    pub overview_q1: &'static str,
    pub overview_q2_title: &'static str,
    pub overview_q2: &'static str,
    pub overview_status: &'static str,
    pub how_title: &'static str,
    pub how_paragraphs: &'static [&'static str],
    pub how_more_link: &'static str,
    pub how_fit_link: &'static str,
    pub sources_title: &'static str,
    pub sources_intro: &'static str,
    pub sources_link: &'static str,
    pub nav_casework: &'static str,
    pub case: CaseTexts,
    pub nav_pb: &'static str,
    pub pb: PbTexts,
    pub nav_together: &'static str,
    pub together: TogetherTexts,
    pub link_problems: &'static str,
    pub embed: &'static str,
    pub ballots: &'static str,
    pub download_csv: &'static str,
    pub open_in: &'static str,
    pub embed_widget: &'static str,
    pub download_png: &'static str,
    /// The same image at print size.
    pub download_png_print: &'static str,
    /// Legend entries of the uncertainty marks: a line chart's shading, bars' whiskers.
    pub key_ribbon: &'static str,
    pub key_whisker: &'static str,
    pub png_source: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub save: &'static str,
    pub name_prompt: &'static str,
    pub replace_confirm: &'static str,
    pub save_button: &'static str,
    pub replace_button: &'static str,
    pub cancel: &'static str,
    /// Before the name of a scenario saved anew, and of one saved over.
    pub saved_as: &'static str,
    pub saved_over: &'static str,
    /// Why saving failed.
    pub save_failed: SaveFailed,
    pub compare_saved: &'static str,
    pub download_json: &'static str,
    pub close: &'static str,
    pub panic_title: &'static str,
    pub panic_body: &'static str,
    pub panic_reload: &'static str,
}

/// Texts of the casework view.
#[derive(Debug)]
pub struct CaseTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub presets_legend: &'static str,
    pub area_label: &'static str,
    pub size_label: &'static str,
    /// The size choice when residents or budget are the council's own figures.
    pub own_size: &'static str,
    /// The municipality's name field and what it is for.
    pub place_label: &'static str,
    /// Before the list of values that differ from the defaults, on paper.
    pub changed_heading: &'static str,
    /// Decisions per month worked out from the residents.
    pub from_residents: &'static str,
    /// After text typed into a number field that cannot be read.
    pub unreadable: &'static str,
    /// What a starting point fills in.
    pub preset_fills: &'static str,
    /// The casework decision's own effect on trust.
    pub trust_own: &'static str,
    pub decision_heading: &'static str,
    pub own_figures_heading: &'static str,
    pub more_assumptions: &'static str,
    pub about_param: &'static str,
    pub range_label: &'static str,
    pub uncertainty_label: &'static str,
    pub source_label: &'static str,
    pub assumption_label: &'static str,
    pub grade_label: &'static str,
    pub see_source: &'static str,
    pub reset: &'static str,
    pub open_file: &'static str,
    pub file_problems: &'static str,
    pub change_refused: &'static str,
    pub file_loaded: &'static str,
    pub result_heading: &'static str,
    pub with_decision: &'static str,
    pub scenario: &'static str,
    pub baseline: &'static str,
    pub payback: &'static str,
    pub net_saving: &'static str,
    pub wrong_per_year: &'static str,
    pub overturns_per_year: &'static str,
    pub right_first_time: &'static str,
    pub waiting: &'static str,
    pub sick_leave: &'static str,
    pub trust: &'static str,
    pub chart_saving: &'static str,
    pub chart_costs: &'static str,
    pub chart_overturns: &'static str,
    pub chart_trust: &'static str,
    pub show_table: &'static str,
    pub month: &'static str,
    pub year: &'static str,
    pub payback_marker: &'static str,
    /// Cost categories in the order of `Costs::KEYS`.
    pub cost_categories: [&'static str; 7],
    /// The cumulative saving on each cost tier (`Tier::ALL` order).
    pub tier_lines: [&'static str; 3],
    /// The payback card counting every assumption.
    pub payback_all: &'static str,
    /// Funding choices in the order of the parameter's choices.
    pub funding_choices: [&'static str; 2],
    pub table_caption_suffix: &'static str,
    pub total: &'static str,
    pub uncertainty_heading: &'static str,
    pub seed: &'static str,
    pub new_draw: &'static str,
    pub runs: &'static str,
    pub updating: &'static str,
}

/// Texts of the participatory budgeting view (the shared pieces come from [`CaseTexts`]).
#[derive(Debug)]
pub struct PbTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub decision_heading: &'static str,
    pub process_heading: &'static str,
    pub pot_note: &'static str,
    pub scale_gap: &'static str,
    pub turnout: &'static str,
    pub reach: &'static str,
    pub representation: &'static str,
    pub rarely_heard: &'static str,
    pub projects: &'static str,
    pub overdue: &'static str,
    pub volunteering: &'static str,
    pub process_cost: &'static str,
    pub election: &'static str,
    /// Participatory budgeting's own effect on trust.
    pub trust_own: &'static str,
    /// Votes held within the horizon (when fewer than the years set).
    pub votes_in_horizon: &'static str,
    pub trust_from_pb: &'static str,
    pub chart_turnout: &'static str,
    pub chart_who: &'static str,
    pub chart_projects: &'static str,
    pub vote: &'static str,
    pub other_voters: &'static str,
    pub delivered_in_year: &'static str,
    pub overdue_after_year: &'static str,
    pub in_first_year: &'static str,
    pub overruled: &'static str,
    pub no_votes: &'static str,
}

/// Texts of the together view.
#[derive(Debug)]
pub struct TogetherTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub net_cost: &'static str,
    pub net_cost_note: &'static str,
    pub chart_ledger: &'static str,
    pub change: &'static str,
    pub mechanism: &'static str,
    /// In the order of `TrustFlows::KEYS`, then the total.
    pub mechanisms: [&'static str; 9],
    pub chart_tornado: &'static str,
    pub tornado_none: &'static str,
    pub output_label: &'static str,
    /// In the order of `Output::ALL`.
    pub outputs: [&'static str; 4],
    /// The unit of each output on the tornado's axis (the net cost's is the currency).
    pub output_units: [&'static str; 4],
    pub tornado_origin: &'static str,
    pub ledger_axis: &'static str,
    pub assumption: &'static str,
    pub at_low: &'static str,
    pub at_high: &'static str,
}

/// Danish texts.
pub static DA: Texts = Texts {
    app_name: "One Percent",
    tagline: "Regn på to kommunale beslutninger: borgerbudgetter og mere tid til sagsbehandlingen.",
    language_switch_label: "Sprog",
    language_name: "Dansk",
    nav_label: "Hovedmenu",
    nav_overview: "Overblik",
    nav_how: "Sådan virker det",
    nav_sources: "Kilder",
    skip_to_content: "Gå til indholdet",
    footer_label: "Om beregningerne",
    workshop: "Workshop: historier og gruppetavle",
    footer_privacy: "Alt regnes ud i din browser. Intet af det, du indtaster, forlader din computer.",
    overview_title: "Hvad sker der, hvis …",
    overview_intro: "One Percent er en simulator til kommuner. Den viser to beslutninger måned for måned over \
        flere år – altid sammenlignet med en grundbane uden beslutningen – så du selv kan afprøve \
        påstandene om dem.",
    overview_q1_title: "… vi lader borgerne bestemme over 0,5-1 % af budgettet?",
    overview_q1: "Hvem deltager, hvad bliver der gennemført, og vinder kommunen tillid og legitimitet for de \
        øvrige 99 %?",
    overview_q2_title: "… sagsbehandlerne får mere tid til hver afgørelse?",
    overview_q2: "Forkerte afgørelser, der omgøres i klagesystemet, koster genbehandling, ventetid, \
        forværrede behov, tillid og sygefravær. Betaler den ekstra tid sig hjem – og hvornår?",
    overview_status: "Afprøv dem under »Borgerbudget« og »Sagsbehandling«. Begge påvirker den samme \
        tillid, så hver side viser også, hvor meget af ændringen der kommer fra den anden beslutning.",
    how_title: "Sådan virker det",
    how_paragraphs: &[
        "Simulatoren regner måned for måned og sammenligner altid med en grundbane uden beslutningerne. \
         Alt regnes i din browser.",
    ],
    how_more_link: "Sådan virker modellen: ligningerne i hovedtræk",
    how_fit_link: "Hvor godt passer modellen? Modellen mod offentliggjorte tal",
    sources_title: "Kilder",
    sources_intro: "Hvert tal har en kilde eller ordet »antagelse« og en sikkerhed.",
    sources_link: "Alle tal med kilder, intervaller og sikkerhed",
    nav_casework: "Sagsbehandling",
    case: CaseTexts {
        title: "Mere tid til hver afgørelse",
        intro: "Hvad sker der, hvis sagsbehandlerne får mere tid til hver afgørelse? Færre forkerte afgørelser \
            betyder færre omgjorte klager, mindre genbehandling og færre borgere, der står uden den rette hjælp. \
            Betaler tiden sig hjem – og hvornår? Alt sammenlignes med en grundbane uden ekstra tid.",
        presets_legend: "Jeres kommune",
        area_label: "Sagsområde",
        size_label: "Kommunestørrelse",
        own_size: "Egne tal",
        place_label: "Kommunens navn (valgfrit, vises på udskrifter og billeder)",
        changed_heading: "Ændret fra standardværdierne",
        from_residents: "Ud fra indbyggertallet",
        unreadable: "kan ikke læses. Skriv fx 60.000 eller 4,3 mia.",
        preset_fills: "Udfylder tallene herunder. Ret dem til jeres egne.",
        trust_own: "Tillid fra den ekstra tid",
        decision_heading: "Beslutningen",
        own_figures_heading: "Kommunens egne tal",
        more_assumptions: "Flere antagelser",
        about_param: "Om tallet",
        range_label: "Tilladt interval",
        uncertainty_label: "Usikkerhedsinterval",
        source_label: "Kilde",
        assumption_label: "Antagelse",
        grade_label: "Sikkerhed",
        see_source: "Se kilden",
        reset: "Nulstil til standardværdier",
        open_file: "Åbn en scenariefil (JSON)",
        file_problems: "Scenariefilen blev ikke indlæst. Dit nuværende scenarie er uændret.",
        change_refused: "Den ændring kan ikke bruges. Dit scenarie er uændret.",
        file_loaded: "Scenariefilen er indlæst.",
        result_heading: "Resultat",
        with_decision: "Med ekstra tid",
        scenario: "Scenariet",
        baseline: "Grundbane",
        payback: "Betaler sig hjem på budgettet",
        net_saving: "Nettobesparelse på budgettet",
        wrong_per_year: "Forkerte afgørelser pr. år",
        overturns_per_year: "Omgjorte afgørelser pr. år",
        right_first_time: "Rigtige første gang",
        waiting: "Borgere uden den rette hjælp",
        sick_leave: "Sygefravær",
        trust: "Høj tillid blandt voksne",
        chart_saving: "Samlet nettobesparelse måned for måned",
        chart_costs: "Udgifter i forhold til grundbanen, pr. år og kategori",
        chart_overturns: "Omgjorte afgørelser pr. år",
        chart_trust: "Andel voksne med høj tillid",
        show_table: "Vis tallene som tabel",
        month: "Måned",
        year: "År",
        payback_marker: "Betaler sig hjem",
        cost_categories: [
            "Sagsbehandlertid",
            "Ekstra medarbejdere",
            "Genvurdering af klager",
            "Genbehandling af hjemviste sager",
            "Selve hjælpen",
            "Fejlbetinget efterspørgsel",
            "Forværring (antagelse)",
        ],
        tier_lines: ["På budgettet", "+ fejlbetinget efterspørgsel", "+ forværring (antagelse)"],
        payback_all: "Betaler sig hjem med alle antagelser",
        funding_choices: ["Ansæt nye medarbejdere", "Inden for den nuværende bemanding"],
        table_caption_suffix: "(tabel)",
        total: "I alt",
        uncertainty_heading: "Usikkerhed",
        seed: "Startværdi for tilfældige tal (samme startværdi, samme tal)",
        new_draw: "Nyt træk",
        runs: "Antal kørsler",
        updating: "Opdaterer intervallerne …",
    },
    nav_pb: "Borgerbudget",
    pb: PbTexts {
        title: "Borgerne bestemmer over en del af budgettet",
        intro: "Hvad sker der, hvis kommunen hvert år lader borgerne bestemme over 0,5-1 % af budgettet? Hvem \
            deltager, hvad bliver gennemført, hvor meget frivillighed følger med, og vinder kommunen tillid og \
            legitimitet for de øvrige 99 %? Alt sammenlignes med en grundbane uden borgerbudget.",
        decision_heading: "Beslutningen",
        process_heading: "Sådan køres processen",
        pot_note: "Pulje pr. år",
        scale_gap: "Danske borgerbudgetter har hidtil haft puljer på 50.000-4 mio. kr. pr. område. Denne pulje er langt større, så modellen regner uden for det, danske erfaringer dækker.",
        turnout: "Deltagelse ved afstemningen",
        reach: "Har deltaget mindst én gang",
        representation: "Repræsentation af sjældent hørte grupper",
        rarely_heard: "Stemmer fra sjældent hørte grupper",
        projects: "Projekter valgt / gennemført",
        overdue: "Forsinkede projekter ved periodens slutning",
        volunteering: "Frivillige timer",
        process_cost: "Procesudgift pr. stemme",
        election: "Flere vælgere ved et almindeligt valg",
        trust_own: "Tillid fra borgerbudgettet",
        votes_in_horizon: "Afstemninger inden for tidshorisonten",
        trust_from_pb: "Heraf fra borgerbudgettet",
        chart_turnout: "Deltagelse og rækkevidde ved hver afstemning",
        chart_who: "Hvem stemmer",
        chart_projects: "Projekter fra hver afstemning",
        vote: "Afstemning",
        other_voters: "Øvrige stemmende",
        delivered_in_year: "Gennemført inden et år",
        overdue_after_year: "Ikke færdigt efter et år",
        in_first_year: "Stadig i det første år",
        overruled: "Underkendt af kommunen",
        no_votes: "Ingen afstemninger inden for tidshorisonten: sæt en andel af budgettet over 0, eller flyt første afstemning tidligere.",
    },
    nav_together: "Samlet",
    together: TogetherTexts {
        title: "Begge beslutninger – og hvor sikre tallene er",
        intro: "Begge beslutninger flytter den samme tillid: her ses hver mekanismes bidrag, den samlede \
            udgift, og hvilke antagelser der afgør svaret.",
        net_cost: "Samlet merudgift",
        net_cost_note: "Sagsbehandling netto + puljer og proces",
        chart_ledger: "Tillidsregnskabet: ændring i andelen med høj tillid (pct.-point)",
        change: "Ændring",
        mechanism: "Mekanisme",
        mechanisms: [
            "Forkerte afgørelser",
            "Rigtige første gang",
            "Hører om borgerbudgettet",
            "Gennemførte projekter",
            "Underkendte afstemninger",
            "Brudte løfter",
            "Skuffelse, når det stopper",
            "Tilbage mod dagens niveau",
            "Samlet ændring",
        ],
        chart_tornado: "Hvilke antagelser afgør svaret",
        tornado_none: "Ingen af antagelserne flytter dette resultat inden for deres usikkerhedsintervaller.",
        output_label: "Resultat",
        outputs: [
            "Tilbagebetalingsmåned på budgettet",
            "Tillid ved periodens slutning mod grundbanen",
            "Deltagelse ved 3. afstemning",
            "Nettoudgift til ekstra tid (alle udgifter)",
        ],
        output_units: ["måned", "procentpoint", "procent af de voksne", ""],
        tornado_origin: "lodret streg: værdien i scenariet",
        ledger_axis: "Skub på tilliden over perioden, procentpoint",
        assumption: "Antagelse",
        at_low: "Ved lav værdi",
        at_high: "Ved høj værdi",
    },
    copy_link: "Kopiér link",
    copied: "Linket er kopieret.",
    copy_failed: "Kunne ikke kopiere automatisk: kopiér adressen fra browserens adresselinje.",
    save: "Gem i browseren …",
    name_prompt: "Navn på scenariet",
    replace_confirm: "Erstat det gemte scenarie",
    save_button: "Gem",
    replace_button: "Erstat",
    cancel: "Annuller",
    saved_as: "Gemt som",
    saved_over: "Opdateret:",
    save_failed: SaveFailed {
        empty_name: "Ikke gemt: navnet er tomt.",
        list_full: "Ikke gemt: der er allerede 50 gemte scenarier. Slet et først.",
        storage_full: "Ikke gemt: browserens lager er fuldt. Slet et gammelt scenarie.",
        storage_unavailable: "Ikke gemt: browseren tillader ikke at gemme her. Kopiér linket i stedet.",
    },
    compare_saved: "Sammenlign gemte scenarier",
    download_json: "Hent scenariet (JSON)",
    download_png: "Hent som billede (PNG)",
    download_png_print: "Til tryk (2400 px)",
    key_ribbon: "Skygge: 8 ud af 10 kørsler (lys), den midterste halvdel (mørk)",
    key_whisker: "Streg: 8 ud af 10 kørsler",
    png_source: "Kilde: One Percent, beregnet i browseren. Samme tal:",
    open_in: "Åbn i One Percent",
    embed_widget: "Lille interaktiv udgave: håndtag, graf og sammenfatning",
    embed: "Indlejr i en webside …",
    ballots: "Afstemningsregler på stemmesedler …",
    download_csv: "Hent resultaterne (CSV)",
    link_problems: "Linket kunne ikke læses helt. One Percent er åbnet med det, der kunne læses, og resten er sprunget over:",
    close: "Luk",
    panic_title: "Noget gik galt",
    panic_body: "One Percent stødte på en fejl, det ikke kunne komme videre fra. Dine gemte scenarier er \
        ikke berørt. Genindlæs siden for at fortsætte.",
    panic_reload: "Genindlæs siden",
};

/// English texts.
pub static EN: Texts = Texts {
    app_name: "One Percent",
    tagline: "Work through two council decisions: participatory budgeting and more time for casework.",
    language_switch_label: "Language",
    language_name: "English",
    nav_label: "Main menu",
    nav_overview: "Overview",
    nav_how: "How it works",
    nav_sources: "Sources",
    skip_to_content: "Skip to content",
    footer_label: "About the calculations",
    workshop: "Workshop: stories and group board",
    footer_privacy: "Everything is computed in your browser. Nothing you enter leaves your computer.",
    overview_title: "What happens if …",
    overview_intro: "One Percent is a simulator for councils. It plays out two decisions month by month over \
        several years – always against a baseline without the decision – so you can test the claims made \
        for them yourself.",
    overview_q1_title: "… we let citizens decide on 0.5-1% of the budget?",
    overview_q1: "Who takes part, what gets done, and does the council earn trust and legitimacy for the \
        other 99%?",
    overview_q2_title: "… caseworkers get more time for each decision?",
    overview_q2: "Wrong decisions overturned on appeal cost rework, delay, escalating needs, trust and sick \
        leave. Does the extra time pay for itself, and when?",
    overview_status: "Try them under \"Participatory budgeting\" and \"Casework\". Both move the same \
        trust, so each page also shows how much of the change comes from the other decision.",
    how_title: "How it works",
    how_paragraphs: &[
        "The simulator steps month by month, always against a baseline without the decisions. Everything \
         is computed in your browser.",
    ],
    how_more_link: "How the model works: its equations in outline",
    how_fit_link: "How well does it fit? The model against published figures",
    sources_title: "Sources",
    sources_intro: "Every figure has a source or the word \"assumption\", and a confidence grade.",
    sources_link: "Every figure with its source, ranges and grade",
    nav_casework: "Casework",
    case: CaseTexts {
        title: "More time for each decision",
        intro: "What happens if caseworkers get more time for each decision? Fewer wrong decisions mean fewer \
            appeals overturned, less rework and fewer citizens left without the right help. Does the time pay \
            for itself, and when? Everything is compared with a baseline without extra time.",
        presets_legend: "Your municipality",
        area_label: "Casework area",
        size_label: "Municipality size",
        own_size: "Own figures",
        place_label: "Name of the municipality (optional, shown on prints and images)",
        changed_heading: "Changed from the defaults",
        from_residents: "From the residents",
        unreadable: "cannot be read. Write e.g. 60,000 or 4.3bn.",
        preset_fills: "Fills in the figures below. Change them to your own.",
        trust_own: "Trust from the extra time",
        decision_heading: "The decision",
        own_figures_heading: "The council's own figures",
        more_assumptions: "More assumptions",
        about_param: "About this figure",
        range_label: "Allowed range",
        uncertainty_label: "Uncertainty range",
        source_label: "Source",
        assumption_label: "Assumption",
        grade_label: "Confidence",
        see_source: "See the source",
        reset: "Reset to the defaults",
        open_file: "Open a scenario file (JSON)",
        file_problems: "The scenario file was not loaded. Your current scenario is unchanged.",
        change_refused: "That change cannot be used. Your scenario is unchanged.",
        file_loaded: "The scenario file is loaded.",
        result_heading: "Result",
        with_decision: "With extra time",
        scenario: "The scenario",
        baseline: "Baseline",
        payback: "Pays back on the budget",
        net_saving: "Net saving on the budget",
        wrong_per_year: "Wrong decisions per year",
        overturns_per_year: "Overturned decisions per year",
        right_first_time: "Right first time",
        waiting: "Citizens without the right help",
        sick_leave: "Sick leave",
        trust: "High trust among adults",
        chart_saving: "Cumulative net saving, month by month",
        chart_costs: "Cost against the baseline, per year and category",
        chart_overturns: "Overturned decisions per year",
        chart_trust: "Share of adults with high trust",
        show_table: "Show the numbers as a table",
        month: "Month",
        year: "Year",
        payback_marker: "Pays back",
        cost_categories: [
            "Caseworker time",
            "Extra staff",
            "Reconsidering appeals",
            "Deciding remanded cases again",
            "The help itself",
            "Failure demand",
            "Escalation (assumption)",
        ],
        tier_lines: ["On the budget", "+ failure demand", "+ escalation (assumption)"],
        payback_all: "Pays back counting every assumption",
        funding_choices: ["Hire new staff", "Within current staffing"],
        table_caption_suffix: "(table)",
        total: "Total",
        uncertainty_heading: "Uncertainty",
        seed: "Seed (same seed, same numbers)",
        new_draw: "New draw",
        runs: "Runs",
        updating: "Updating the ranges …",
    },
    nav_pb: "Participatory budgeting",
    pb: PbTexts {
        title: "Citizens decide on part of the budget",
        intro: "What happens if the council lets citizens decide on 0.5-1% of the budget every year? Who takes \
            part, what gets done, how much volunteering follows, and does the council earn trust and legitimacy \
            for the other 99%? Everything is compared with a baseline without participatory budgeting.",
        decision_heading: "The decision",
        process_heading: "How the process runs",
        pot_note: "Pot per year",
        scale_gap: "Danish participatory budgets so far have had pots of DKK 50,000-4 million per area. This pot is far larger, so the model works beyond what Danish experience covers.",
        turnout: "Turnout at the vote",
        reach: "Took part at least once",
        representation: "Representation of rarely-heard groups",
        rarely_heard: "Votes from rarely-heard groups",
        projects: "Projects chosen / delivered",
        overdue: "Projects overdue at the end",
        volunteering: "Volunteer hours",
        process_cost: "Process cost per vote",
        election: "More voters at an ordinary election",
        trust_own: "Trust from participatory budgeting",
        votes_in_horizon: "Votes within the horizon",
        trust_from_pb: "Of which from participatory budgeting",
        chart_turnout: "Turnout and reach at each vote",
        chart_who: "Who votes",
        chart_projects: "Projects from each vote",
        vote: "Vote",
        other_voters: "Other voters",
        delivered_in_year: "Delivered within a year",
        overdue_after_year: "Not done after a year",
        in_first_year: "Still in its first year",
        overruled: "Overruled by the council",
        no_votes: "No votes within the horizon: set a share of the budget above 0, or move the first vote earlier.",
    },
    nav_together: "Together",
    together: TogetherTexts {
        title: "Both decisions – and how sure the numbers are",
        intro: "Both decisions move the same trust: here is each mechanism's share, the total spending, and \
            which assumptions decide the answer.",
        net_cost: "Extra spending in total",
        net_cost_note: "Casework net + pots and process",
        chart_ledger: "The trust ledger: change in the share with high trust (pp)",
        change: "Change",
        mechanism: "Mechanism",
        mechanisms: [
            "Wrong decisions",
            "Right first time",
            "Hearing of PB",
            "Delivered projects",
            "Overruled votes",
            "Broken promises",
            "Disappointment when it stops",
            "Drift back to today's level",
            "Total change",
        ],
        chart_tornado: "Which assumptions decide the answer",
        tornado_none: "None of the assumptions moves this result within its uncertainty range.",
        output_label: "Result",
        outputs: [
            "Payback month on the budget",
            "Trust at the end against the baseline",
            "Turnout at the 3rd vote",
            "Net cost of the extra time (all costs)",
        ],
        output_units: ["month", "percentage points", "per cent of adults", ""],
        tornado_origin: "vertical line: the value in the scenario",
        ledger_axis: "Push on trust over the period, percentage points",
        assumption: "Assumption",
        at_low: "At the low end",
        at_high: "At the high end",
    },
    copy_link: "Copy link",
    copied: "The link is copied.",
    copy_failed: "Could not copy automatically: copy the address from the browser's address bar.",
    save: "Save in this browser …",
    name_prompt: "Name of the scenario",
    replace_confirm: "Replace the saved scenario",
    save_button: "Save",
    replace_button: "Replace",
    cancel: "Cancel",
    saved_as: "Saved as",
    saved_over: "Updated:",
    save_failed: SaveFailed {
        empty_name: "Not saved: the name is empty.",
        list_full: "Not saved: 50 scenarios are saved already. Delete one first.",
        storage_full: "Not saved: the browser's storage is full. Delete an old scenario.",
        storage_unavailable: "Not saved: the browser does not allow saving here. Copy the link instead.",
    },
    compare_saved: "Compare saved scenarios",
    download_json: "Download the scenario (JSON)",
    download_png: "Download as image (PNG)",
    download_png_print: "For print (2400 px)",
    key_ribbon: "Shading: 8 in 10 runs (light), the middle half (dark)",
    key_whisker: "Whisker: 8 in 10 runs",
    png_source: "Source: One Percent, computed in the browser. Same numbers:",
    open_in: "Open in One Percent",
    embed_widget: "Small interactive widget: lever, chart and summary",
    embed: "Embed in a web page …",
    ballots: "Voting rules on ballots …",
    download_csv: "Download the results (CSV)",
    link_problems: "This link could not be read in full. One Percent opened with what it could read and skipped the rest:",
    close: "Close",
    panic_title: "Something went wrong",
    panic_body: "One Percent hit an error it could not recover from. Your saved scenarios are not affected. \
        Reload the page to carry on.",
    panic_reload: "Reload the page",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn query_beats_storage_beats_browser() {
        assert_eq!(Lang::resolve(Some("da"), Some("en"), &tags(&["en-GB"])), Lang::Da);
        assert_eq!(Lang::resolve(None, Some("da"), &tags(&["en-GB"])), Lang::Da);
        assert_eq!(Lang::resolve(None, None, &tags(&["da-DK", "en"])), Lang::Da);
        assert_eq!(Lang::resolve(None, None, &tags(&["de-DE", "en-US"])), Lang::En);
    }

    #[test]
    fn bad_values_fall_back_silently() {
        // An unknown query value, a broken stored preference, an unknown browser language.
        assert_eq!(Lang::resolve(Some("xx"), Some("\u{0}garbage{"), &tags(&["da"])), Lang::Da);
        assert_eq!(Lang::resolve(Some(""), Some(""), &tags(&[])), Lang::En);
        assert_eq!(Lang::resolve(Some("klingon"), None, &tags(&["fr", "tlh"])), Lang::En);
        assert_eq!(Lang::resolve(Some(" DA "), None, &tags(&[])), Lang::Da);
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
            assert_eq!(Lang::from_tag(l.code()), Some(l));
        }
    }

    /// The quoted strings in a Debug form, with where each starts (escapes kept as written).
    fn quoted(shown: &str) -> Vec<(usize, String)> {
        let (mut out, mut current, mut escaped) = (Vec::new(), None::<(usize, String)>, false);
        for (i, c) in shown.char_indices() {
            match (&mut current, c) {
                (None, '"') => current = Some((i, String::new())),
                (None, _) => {}
                (Some(text), _) if escaped => {
                    text.1.push(c);
                    escaped = false;
                }
                (Some(_), '\\') => escaped = true,
                (Some(_), '"') => out.extend(current.take()),
                (Some(text), _) => text.1.push(c),
            }
        }
        out
    }

    #[test]
    fn no_text_is_empty_and_lists_match() {
        // Every field, through the Debug form (`name: "text"`, lists as `["a", "b"]`): no text
        // empty or only spaces, in either language. The net cost's unit on the tornado's axis is
        // empty on purpose (the currency says it), so the units are checked apart.
        for l in Lang::ALL {
            let t = l.texts();
            assert!(
                t.together.output_units[..3].iter().all(|u| !u.trim().is_empty())
                    && t.together.output_units[3].is_empty()
            );
            let shown = format!("{t:?}").replacen(&format!("{:?}", t.together.output_units), "[]", 1);
            let texts = quoted(&shown);
            for (at, text) in &texts {
                assert!(!text.trim().is_empty(), "{l:?}: an empty text after {}", &shown[at.saturating_sub(80)..*at]);
            }
            let texts = texts.len();
            assert!(texts > 100, "{l:?}: only {texts} texts seen");
        }
        assert_eq!(DA.how_paragraphs.len(), EN.how_paragraphs.len());
        // The same fields in both languages, the same number of texts in each list.
        let count = |t: &Texts| quoted(&format!("{t:?}")).len();
        assert_eq!(count(&DA), count(&EN));
    }
}
