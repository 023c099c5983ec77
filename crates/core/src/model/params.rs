//! The parameter table: the single source of truth for every input of the model. Sliders, scenario
//! files, share links, CSV headers, the command line's `params` and the assumptions panel all read
//! it. Adding a parameter is one variant of [`P`] and one entry of [`PARAMS`], in the same order.

use crate::i18n::Both;

/// A parameter's identity; `P as usize` indexes [`PARAMS`] and a scenario's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(usize)]
pub enum P {
    Horizon,
    Population,
    AdultShare,
    Budget,
    Currency,
    Trust0,
    DecisionsPerMonth,
    DecisionsPer10k,
    HoursPerDecision,
    ExtraTime,
    HourlyCost,
    Funding,
    RecruitmentMonths,
    OnboardingMonths,
    ErrorRate,
    FixableShare,
    TimeEffect,
    AppealRate,
    OverturnShare,
    RemandShare,
    BoardDetection,
    BoardDelay,
    ReconsiderationMonths,
    ReconsiderationHours,
    RedecisionMonths,
    ReworkHours,
    WrongExitMonths,
    UnderGrantShare,
    HelpCost,
    EscalationCost,
    FailureContacts,
    ContactHours,
    DistrustAppeals,
    SickLeave,
    SickConflict,
    TrustReach,
    TrustNegative,
    TrustPositive,
    TrustMemory,
    PbShare,
    PbFirstVote,
    PbYears,
    PbProcessCost,
    PbOutreach,
    PbInPerson,
    PbOverride,
    PbDelivery,
    PbVotersWithWinner,
    PbProjectCost,
    PbTurnoutMax,
    PbShareHalf,
    PbSizeElasticity,
    PbFirstMaturity,
    PbMaturityGrowth,
    PbMaturityLoss,
    PbTrustSensitivity,
    PbOutreachTurnout,
    PbOnlineTurnout,
    PbRepresentationBase,
    PbOutreachRepresentation,
    PbInPersonRepresentation,
    PbRarelyHeard,
    PbRepeatFactor,
    PbVolunteerHours,
    PbVolunteerValue,
    PbElectionBoost,
    TrustPbInformation,
    TrustPbDelivered,
    TrustPbOverruled,
    TrustPbBroken,
    TrustPbDisappointment,
}

/// Number of parameters.
pub const N_PARAMS: usize = P::TrustPbDisappointment as usize + 1;

/// What a value measures. Shares are stored as 0..1 and shown as percentages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Months,
    Residents,
    Share,
    CurrencyPerYear,
    CurrencyPerHour,
    /// Currency per citizen-month without the right help.
    CurrencyPerCitizenMonth,
    DecisionsPerMonth,
    Hours,
    /// Contacts per citizen-month.
    ContactsPerCitizenMonth,
    /// A dimensionless factor.
    Factor,
    People,
    /// One of a fixed list of choices.
    Choice,
    /// Currency per project.
    CurrencyPerProject,
    /// Volunteer hours per 1,000 of currency.
    HoursPerThousand,
    /// A count of votes (cycles).
    Cycles,
    /// Decisions per month per 10,000 residents.
    DecisionsPer10k,
}

impl Unit {
    /// The unit's name.
    pub fn label(self) -> Both<&'static str> {
        match self {
            Unit::Months => Both::new("måneder", "months"),
            Unit::Residents => Both::new("indbyggere", "residents"),
            Unit::Share => Both::new("andel", "share"),
            Unit::CurrencyPerYear => Both::new("valuta pr. år", "currency per year"),
            Unit::CurrencyPerHour => Both::new("valuta pr. time", "currency per hour"),
            Unit::CurrencyPerCitizenMonth => Both::new("valuta pr. borger-måned", "currency per citizen-month"),
            Unit::DecisionsPerMonth => Both::new("afgørelser pr. måned", "decisions per month"),
            Unit::Hours => Both::new("timer", "hours"),
            Unit::ContactsPerCitizenMonth => Both::new("henvendelser pr. borger-måned", "contacts per citizen-month"),
            Unit::Factor => Both::new("faktor", "factor"),
            Unit::People => Both::new("personer", "people"),
            Unit::Choice => Both::new("valg", "choice"),
            Unit::CurrencyPerProject => Both::new("valuta pr. projekt", "currency per project"),
            Unit::HoursPerThousand => Both::new("timer pr. 1.000 i valuta", "hours per 1,000 of currency"),
            Unit::Cycles => Both::new("afstemninger", "votes"),
            Unit::DecisionsPer10k => {
                Both::new("afgørelser pr. måned pr. 10.000 indbyggere", "decisions per month per 10,000 residents")
            }
        }
    }
}

/// Where a default comes from. The texts are empty in the browser build (see `source_text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A published figure: its citation.
    Cited(Both<&'static str>),
    /// No published figure: an assumption, with the reason.
    Assumption(Both<&'static str>),
}

/// How far a default can be trusted: shown beside each control, in the table, the CSV and the
/// sources list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    /// A published figure, used as published.
    Published,
    /// Derived from published figures by a stated calculation (or fitted to published cases).
    Derived,
    /// An informed assumption: no measurement, a reasoned value with an uncertainty range.
    Assumption,
    /// A placeholder: replace it with your own figure.
    Placeholder,
    /// The council's own choice or figure (a lever, or something it knows about itself).
    Own,
}

impl Grade {
    /// The grade's key in CSV and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Grade::Published => "published",
            Grade::Derived => "derived",
            Grade::Assumption => "assumption",
            Grade::Placeholder => "placeholder",
            Grade::Own => "own",
        }
    }

    /// The grade in one or two words, for the badge beside a control.
    pub fn short(self) -> Both<&'static str> {
        match self {
            Grade::Published => Both::new("offentliggjort", "published"),
            Grade::Derived => Both::new("udledt", "derived"),
            Grade::Assumption => Both::new("antagelse", "assumption"),
            Grade::Placeholder => Both::new("pladsholder", "placeholder"),
            Grade::Own => Both::new("jeres eget", "your own"),
        }
    }

    /// The grade in words.
    pub fn label(self) -> Both<&'static str> {
        match self {
            Grade::Published => Both::new("offentliggjort tal", "published figure"),
            Grade::Derived => Both::new("udledt af offentliggjorte tal", "derived from published figures"),
            Grade::Assumption => Both::new("kvalificeret antagelse", "informed assumption"),
            Grade::Placeholder => Both::new("pladsholder: indsæt jeres eget tal", "placeholder: replace with your own"),
            Grade::Own => Both::new("jeres eget valg eller tal", "your own choice or figure"),
        }
    }
}

/// Which part of the model a parameter belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Simulation,
    Municipality,
    Casework,
    Pb,
    Trust,
}

/// The view whose levers show a parameter (its primary levers, or "More assumptions"): where a
/// councillor looking at that decision expects it. Participatory budgeting's own parameters and
/// the trust parameters about it are in the PB view, the rest in the casework view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Home {
    Casework,
    Pb,
}

/// One row of the parameter table.
#[derive(Clone, Copy, Debug)]
pub struct ParamSpec {
    pub id: P,
    /// The key in scenario files, links and CSV (as in MODEL.md).
    pub key: &'static str,
    pub label: Both<&'static str>,
    pub help: Both<&'static str>,
    pub unit: Unit,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    /// Low and high of the uncertainty range around the default (triangular draws); `None` when the
    /// value is a choice of the user's, not an uncertain quantity.
    pub uncertainty: Option<(f64, f64)>,
    pub source: Source,
    pub grade: Grade,
    pub group: Group,
    /// The view that shows it ([`Group::Pb`]'s in the PB view unless said otherwise).
    pub home: Home,
    /// Shown first in the view; the rest sit under "More assumptions".
    pub primary: bool,
    /// For [`Unit::Choice`]: the allowed values, stored as their index.
    pub choices: &'static [&'static str],
    /// Whole numbers only.
    pub integer: bool,
}

const fn num(id: P, key: &'static str, unit: Unit, default: f64, min: f64, max: f64) -> ParamSpec {
    ParamSpec {
        id,
        key,
        label: Both::new("", ""),
        help: Both::new("", ""),
        unit,
        default,
        min,
        max,
        uncertainty: None,
        source: Source::Assumption(Both::new("", "")),
        grade: Grade::Assumption,
        group: Group::Casework,
        home: Home::Casework,
        primary: false,
        choices: &[],
        integer: false,
    }
}

/// A source text in both languages. The command line and the static reference page
/// (`sources.da.html`, `sources.en.html`, written at build time) show them; the browser build
/// leaves them out (about 4 KB gzip) and its "About this figure" links to that page instead.
const fn source_text(da: &'static str, en: &'static str) -> Both<&'static str> {
    if cfg!(target_arch = "wasm32") {
        Both::new("", "")
    } else {
        Both::new(da, en)
    }
}

impl ParamSpec {
    const fn label(mut self, da: &'static str, en: &'static str) -> Self {
        self.label = Both::new(da, en);
        self
    }
    const fn help(mut self, da: &'static str, en: &'static str) -> Self {
        self.help = Both::new(da, en);
        self
    }
    const fn unc(mut self, low: f64, high: f64) -> Self {
        self.uncertainty = Some((low, high));
        self
    }
    /// A published source; graded "published" unless [`ParamSpec::derived`] follows.
    const fn cited(mut self, da: &'static str, en: &'static str) -> Self {
        self.source = Source::Cited(source_text(da, en));
        self.grade = Grade::Published;
        self
    }
    /// No published figure; graded "informed assumption" unless a grade follows.
    const fn assumed(mut self, da: &'static str, en: &'static str) -> Self {
        self.source = Source::Assumption(source_text(da, en));
        self.grade = Grade::Assumption;
        self
    }
    const fn derived(mut self) -> Self {
        self.grade = Grade::Derived;
        self
    }
    const fn placeholder(mut self) -> Self {
        self.grade = Grade::Placeholder;
        self
    }
    const fn own(mut self) -> Self {
        self.grade = Grade::Own;
        self
    }
    const fn group(mut self, g: Group) -> Self {
        self.group = g;
        self.home = if matches!(g, Group::Pb) { Home::Pb } else { Home::Casework };
        self
    }
    /// Shown in another view than its group's (call after [`ParamSpec::group`]).
    const fn home(mut self, h: Home) -> Self {
        self.home = h;
        self
    }
    const fn primary(mut self) -> Self {
        self.primary = true;
        self
    }
    const fn integer(mut self) -> Self {
        self.integer = true;
        self
    }
    const fn choices(mut self, c: &'static [&'static str]) -> Self {
        self.choices = c;
        self
    }

    /// Look a parameter up by its key.
    pub fn by_key(key: &str) -> Option<&'static ParamSpec> {
        PARAMS.iter().find(|p| p.key == key)
    }
}

/// The parameter table, in the order of [`P`].
pub static PARAMS: [ParamSpec; N_PARAMS] = for_build([
    num(P::Horizon, "sim.horizon_months", Unit::Months, 60.0, 12.0, 120.0)
        .label("Tidshorisont", "Horizon")
        .help("Hvor mange måneder frem der regnes.", "How many months ahead to simulate.")
        .assumed("Et valg, ikke en måling.", "A choice, not a measurement.")
        .own()
        .group(Group::Simulation)
        .integer(),
    num(P::Population, "muni.population", Unit::Residents, 50_000.0, 1_000.0, 10_000_000.0)
        .label("Indbyggere", "Residents")
        .help("Kommunens indbyggertal.", "The municipality's population.")
        .cited("Typisk dansk kommune (Danmarks Statistik).", "A typical Danish municipality (Statistics Denmark).")
        .own()
        .group(Group::Municipality)
        .integer(),
    num(P::AdultShare, "muni.adult_share", Unit::Share, 0.79, 0.6, 0.9)
        .label("Andel voksne (18+)", "Adult share (18+)")
        .help("Andel af indbyggerne, der er 18 år eller ældre.", "Share of residents aged 18 or over.")
        .cited("Danmarks Statistik (18+).", "Statistics Denmark (18+).")
        .own()
        .group(Group::Municipality),
    num(P::Budget, "muni.budget", Unit::CurrencyPerYear, 3.6e9, 1.0e6, 1.0e12)
        .label("Driftsbudget", "Operating budget")
        .help("Kommunens nettodriftsudgifter pr. år.", "The council's net operating spend per year.")
        .cited(
            "Ca. 72.000 kr. pr. indbygger: 428 mia. kr. / 5.961.249 indbyggere (Danmarks Statistik, budgetter 2024).",
            "About DKK 72,000 per resident: DKK 428 bn / 5,961,249 residents (Statistics Denmark, 2024 budgets).",
        )
        .own()
        .group(Group::Municipality),
    num(P::Currency, "muni.currency", Unit::Choice, 0.0, 0.0, 2.0)
        .label("Valuta", "Currency")
        .help("Kun visning: beløbene er i forudindstillingens valuta.", "Display only: amounts are in the preset's currency.")
        .assumed("Et valg, ikke en måling.", "A choice, not a measurement.")
        .own()
        .group(Group::Municipality)
        .choices(&["DKK", "EUR", "GBP"]),
    num(P::Trust0, "muni.trust0", Unit::Share, 0.30, 0.05, 0.9)
        .label("Tillid i dag", "Trust today")
        .help(
            "Andel af voksne med høj tillid til, at kommunen følger loven og behandler folk retfærdigt.",
            "Share of adults with high trust that the council acts lawfully and fairly.",
        )
        .unc(0.26, 0.34)
        .cited(
            "30 % har høj tillid til, at kommunerne følger loven (Advokatsamfundet, Retssikkerhedsanalyse 2023).",
            "30% have high trust that municipalities follow the law (Danish Bar and Law Society, Rule of Law Analysis 2023).",
        )
        .group(Group::Municipality),
    num(P::DecisionsPerMonth, "case.decisions_per_month", Unit::DecisionsPerMonth, 0.0, 0.0, 100_000.0)
        .label("Afgørelser pr. måned (0 = ud fra indbyggertal)", "Decisions per month (0 = from residents)")
        .help(
            "Nye afgørelser på området pr. måned. 0: beregnet af indbyggertallet og afgørelser pr. 10.000 indbyggere.",
            "New decisions in this area per month. 0: worked out from residents and decisions per 10,000 residents.",
        )
        .assumed("Kommunens eget tal, hvis det kendes.", "The council's own figure, if it knows it.")
        .own(),
    num(P::DecisionsPer10k, "case.decisions_per_10k", Unit::DecisionsPer10k, 40.0, 1.0, 2_000.0)
        .label("Afgørelser pr. 10.000 indbyggere", "Decisions per 10,000 residents")
        .help(
            "Nye afgørelser pr. måned pr. 10.000 indbyggere; bruges, når afgørelser pr. måned er 0.",
            "New decisions per month per 10,000 residents; used when decisions per month is 0.",
        )
        .unc(30.0, 55.0)
        .cited(
            "Ca. 8.300 klager/år over serviceloven (2021) / klageandel 3 % = ca. 23.000 afgørelser pr. måned / 596 × 10.000 indbyggere ≈ 39.",
            "About 8,300 Social Services Act appeals a year (2021) / an appeal rate of 3% = about 23,000 decisions a month / 596 × 10,000 residents ≈ 39.",
        )
        .derived(),
    num(P::HoursPerDecision, "case.hours_per_decision", Unit::Hours, 6.0, 1.0, 40.0)
        .label("Timer pr. afgørelse", "Hours per decision")
        .help("Sagsbehandlertid pr. afgørelse i dag.", "Caseworker time per decision today.")
        .unc(4.0, 9.0)
        .assumed(
            "Ingen måling af timer pr. afgørelse. Det vejledende sagstal (45-65 sager pr. årsværk, Dansk Socialrådgiverforening) gælder sager pr. år, ikke afgørelser, og giver derfor ikke tallet direkte.",
            "No measurement of hours per decision. The guideline caseload (45-65 cases per full-time caseworker, Danish Association of Social Workers) counts cases a year, not decisions, so it does not give this figure.",
        ),
    num(P::ExtraTime, "case.extra_time", Unit::Share, 0.25, -0.5, 2.0)
        .label("Ekstra tid pr. afgørelse", "Extra time per decision")
        .help(
            "Ekstra tid oven i timerne pr. afgørelse, som andel (0,25 = 25 % mere). Negativ: mindre tid. Grundbanen har altid 0.",
            "Extra time on top of the hours per decision, as a share (0.25 = 25% more). Negative: less time. The baseline always has 0.",
        )
        .assumed("Beslutningen, du afprøver.", "The decision you are testing.")
        .own()
        .primary(),
    num(P::HourlyCost, "case.hourly_cost", Unit::CurrencyPerHour, 450.0, 100.0, 2_000.0)
        .label("Timepris", "Hourly cost")
        .help("Lønomkostning pr. effektiv time inkl. pension og overhead.", "Pay cost per effective hour incl. pension and overhead.")
        .unc(400.0, 520.0)
        .cited(
            "482.946 kr./år i løn inkl. pension (2022) / 1.654 effektive timer = 292 kr./time; × 1,54 for ledelse, lokaler og it (overhead: en antagelse) = 450 kr.",
            "DKK 482,946 a year pay incl. pension (2022) / 1,654 effective hours = DKK 292 an hour; × 1.54 for management, premises and IT (the overhead is an assumption) = DKK 450.",
        )
        .derived(),
    num(P::Funding, "case.funding", Unit::Choice, 0.0, 0.0, 1.0)
        .label("Finansiering af tiden", "How the time is funded")
        .help(
            "Ansæt: den ekstra tid betales med nye medarbejdere. Opsug: ingen nye medarbejdere, så tiden presses, når kapaciteten ikke slår til.",
            "Hire: the extra time is paid for with new staff. Absorb: no new staff, so time per case is squeezed when capacity falls short.",
        )
        .assumed("Et valg, ikke en måling.", "A choice, not a measurement.")
        .own()
        .primary()
        .choices(&["hire", "absorb"]),
    num(P::RecruitmentMonths, "case.recruitment_months", Unit::Months, 3.0, 0.0, 12.0)
        .label("Tid til at ansætte", "Time to recruit")
        .help(
            "Måneder fra beslutningen, til nye medarbejdere starter (ansæt). Indtil da gives ingen ekstra tid.",
            "Months from the decision until new staff start (hire). Until then no extra time is given.",
        )
        .unc(1.0, 6.0)
        .assumed("Ingen måling; opslag, samtaler og opsigelsesvarsel tager typisk et kvartal.", "No measurement; advertising, interviews and notice periods typically take a quarter."),
    num(P::OnboardingMonths, "case.onboarding_months", Unit::Months, 6.0, 0.0, 24.0)
        .label("Oplæring af nye", "Onboarding new staff")
        .help(
            "Nye medarbejdere giver halv effekt den første måned og fuld effekt efter så mange måneder; de er betalt fuldt fra start.",
            "New staff give half the effect in their first month and the full effect after this many months; they are paid in full from the start.",
        )
        .unc(3.0, 12.0)
        .assumed("Ingen måling.", "No measurement."),
    num(P::ErrorRate, "case.error_rate", Unit::Share, 0.30, 0.05, 0.7)
        .label("Fejlandel i dag", "Error share today")
        .help("Andel af afgørelserne med en fejl, der ændrer udfaldet.", "Share of decisions with an outcome-changing error.")
        .unc(0.25, 0.50)
        .cited(
            "Stikprøver af ikke-påklagede sager fandt alvorlige fejl i 25-50 % (opsummeret af Foreningen Dike, 2020).",
            "Spot checks of unappealed cases found serious errors in 25-50% (summary by Foreningen Dike, 2020).",
        ),
    num(P::FixableShare, "case.fixable_share", Unit::Share, 0.74, 0.0, 1.0)
        .label("Fejl, som tid kan forebygge", "Errors time can prevent")
        .help(
            "Andel af fejlene, der skyldes manglende oplysning eller begrundelse.",
            "Share of errors due to missing information or inadequate reasoning.",
        )
        .unc(0.60, 0.85)
        .cited(
            "74 % af omgørelserne i 2023 skyldtes oplysningsgrundlag eller begrundelse (Ankestyrelsen).",
            "74% of reversals in 2023 came from missing information or inadequate reasoning (Ankestyrelsen).",
        ),
    num(P::TimeEffect, "case.time_effect", Unit::Factor, 2.0, 0.0, 8.0)
        .label("Tidens virkning på fejl", "Effect of time on errors")
        .help(
            "Hvor hurtigt ekstra tid fjerner de fejl, tid kan forebygge: fejl = e0·((1−f) + f·exp(−k·x)). Ved 2 fjerner 25 % mere tid ca. 40 % af dem.",
            "How fast extra time removes the errors time can prevent: errors = e0·((1−f) + f·exp(−k·x)). At 2, 25% more time removes about 40% of them.",
        )
        .unc(0.5, 4.0)
        .assumed(
            "Ingen offentliggjort måling; bredt interval. Formen giver aftagende udbytte: hver ekstra time fjerner færre fejl end den forrige.",
            "No published measurement; a wide range. The form gives diminishing returns: each extra hour removes fewer errors than the one before.",
        )
        .primary(),
    num(P::AppealRate, "case.appeal_rate", Unit::Share, 0.03, 0.002, 0.2)
        .label("Klageandel", "Appeal rate")
        .help("Andel af afgørelserne, der påklages. Kommunens eget tal.", "Share of decisions appealed. The council's own figure.")
        .unc(0.02, 0.045)
        .assumed("Ingen national nævner er offentliggjort.", "No national denominator is published.")
        .primary(),
    num(P::OverturnShare, "case.overturn_share", Unit::Share, 0.37, 0.1, 0.7)
        .label("Omgørelsesprocent", "Overturn share")
        .help(
            "Andel af realitetsbehandlede klager, som Ankestyrelsen ændrer, ophæver eller hjemviser. Kommunens eget tal (Ankestyrelsens kommunekort).",
            "Share of appeals decided on the merits that are changed or remanded. The council's own figure (the appeals board's municipality map).",
        )
        .unc(0.32, 0.39)
        .cited(
            "Serviceloven: 37 % (2016), 38 % (2017), 36 % (2020), 31,8 % (2021), 37,5 % (2022), 39 % (2023) (Ankestyrelsen).",
            "Social Services Act: 37% (2016), 38% (2017), 36% (2020), 31.8% (2021), 37.5% (2022), 39% (2023) (Ankestyrelsen).",
        )
        .primary(),
    num(P::RemandShare, "case.remand_share", Unit::Share, 0.76, 0.0, 1.0)
        .label("Hjemviste blandt omgjorte", "Remanded among overturned")
        .help("Andel af omgørelserne, der sendes tilbage til kommunen.", "Share of overturns sent back to the council to decide again.")
        .unc(0.70, 0.80)
        .cited(
            "2021: 7,7 ændret / 24,1 hjemvist; 2022: 9,0 / 28,5 (Ankestyrelsen, serviceloven).",
            "2021: 7.7 changed / 24.1 remanded; 2022: 9.0 / 28.5 (Ankestyrelsen, Social Services Act).",
        ),
    num(P::BoardDetection, "case.board_detection", Unit::Share, 0.9, 0.3, 1.0)
        .label("Ankestyrelsen finder fejlen", "The board finds the error")
        .help(
            "Sandsynlighed for, at en påklaget forkert afgørelse bliver omgjort. Bruges til at udlede klagetilbøjeligheder.",
            "Probability that an appealed wrong decision is overturned. Used to derive the appeal propensities.",
        )
        .unc(0.75, 1.0)
        .assumed("Ingen måling; klagesystemet antages at finde de fleste fejl.", "No measurement; the appeals system is assumed to catch most errors."),
    num(P::BoardDelay, "case.board_delay_months", Unit::Months, 4.5, 1.0, 18.0)
        .label("Ankestyrelsens behandlingstid", "Appeals board processing time")
        .help("Gennemsnitlig tid fra klagen når Ankestyrelsen til afgørelsen.", "Average time from an appeal reaching the board to its decision.")
        .unc(4.0, 5.0)
        .cited("126 dage (2019), 147 dage (2018) (Ankestyrelsen).", "126 days (2019), 147 days (2018) (Ankestyrelsen)."),
    num(P::ReconsiderationMonths, "case.reconsideration_months", Unit::Months, 1.0, 1.0, 6.0)
        .label("Genvurdering i kommunen", "Reconsideration by the council")
        .help("Tid fra klagen til kommunen sender den videre.", "Time from an appeal until the council forwards it.")
        .cited("Kommunen skal genvurdere inden for 4 uger (retssikkerhedsloven).", "The council must reconsider within 4 weeks (the Legal Protection Act)."),
    num(P::ReconsiderationHours, "case.reconsideration_hours", Unit::Hours, 3.0, 0.0, 40.0)
        .label("Timer pr. genvurdering", "Hours per reconsideration")
        .help("Sagsbehandlertid til at genvurdere en påklaget afgørelse.", "Caseworker time to reconsider an appealed decision.")
        .unc(1.5, 6.0)
        .assumed("Ingen offentliggjort måling.", "No published measurement."),
    num(P::RedecisionMonths, "case.redecision_months", Unit::Months, 2.0, 1.0, 12.0)
        .label("Tid til ny afgørelse", "Time to decide again")
        .help("Tid fra en hjemvisning til kommunens nye afgørelse.", "Time from a remand to the council's new decision.")
        .unc(1.0, 4.0)
        .assumed("Ingen offentliggjort måling.", "No published measurement."),
    num(P::ReworkHours, "case.rework_hours", Unit::Hours, 6.0, 0.0, 80.0)
        .label("Timer pr. hjemvist sag", "Hours per remanded case")
        .help(
            "Ny undersøgelse, nyt møde, en ny sagsbehandler der læser sig ind – ca. én hel afgørelse.",
            "Re-investigation, a new meeting, a new caseworker reading in – about one full decision.",
        )
        .unc(4.0, 10.0)
        .assumed("Ca. én hel afgørelse.", "About one full decision."),
    num(P::WrongExitMonths, "case.wrong_exit_months", Unit::Months, 12.0, 1.0, 60.0)
        .label("Varighed af en uopdaget fejl", "How long an undetected error lasts")
        .help(
            "Hvor længe en borger i gennemsnit står uden den rette hjælp efter en forkert afgørelse, der ikke bliver omgjort.",
            "How long on average a citizen goes without the right help after a wrong decision that is not overturned.",
        )
        .unc(6.0, 24.0)
        .assumed("Ingen måling; sager revurderes typisk inden for et år eller to.", "No measurement; cases are typically reviewed within a year or two."),
    num(P::UnderGrantShare, "case.under_grant_share", Unit::Share, 0.8, 0.0, 1.0)
        .label("Fejl, der giver for lidt", "Errors that give too little")
        .help(
            "Andel af de forkerte afgørelser, der giver afslag eller for lidt hjælp; resten giver hjælp, borgeren ikke har ret til.",
            "Share of wrong decisions that refuse help or give too little; the rest give help the citizen is not entitled to.",
        )
        .unc(0.6, 0.95)
        .assumed(
            "Klager kommer fra borgere, der har fået afslag eller for lidt; fejlenes retning blandt alle afgørelser er ikke målt.",
            "Appeals come from citizens refused help or given too little; the direction of errors among all decisions is not measured.",
        ),
    num(P::HelpCost, "case.help_cost", Unit::CurrencyPerCitizenMonth, 5_000.0, 0.0, 100_000.0)
        .label("Hjælpens pris", "Cost of the help")
        .help(
            "Hvad hjælpen selv koster pr. borger pr. måned. En rigtig afgørelse kan koste kommunen den hjælp, den skyldte, eller spare hjælp, der ikke skulle gives.",
            "What the help itself costs per citizen per month. A right decision may cost the council the help it owed, or save help that should not have been given.",
        )
        .unc(2_000.0, 12_000.0)
        .assumed("Intet fælles tal; sæt jeres egen gennemsnitspris for området.", "No common figure; put in your own average for the area.")
        .placeholder(),
    num(P::EscalationCost, "case.escalation_cost", Unit::CurrencyPerCitizenMonth, 1_000.0, 0.0, 50_000.0)
        .label("Forværring uden den rette hjælp", "Escalation without the right help")
        .help(
            "Ekstra udgift pr. måned, hvor en borger står uden den rette hjælp: behov, der vokser, dyrere hjælp senere.",
            "Extra cost for each month a citizen goes without the right help: needs that grow, costlier help later.",
        )
        .unc(0.0, 3_000.0)
        .assumed(
            "\"Manglende hjælp kan i sig selv have øget behovet\" (Center for God Forvaltning). Intet tal er offentliggjort; derfor vises besparelsen for sig.",
            "\"The absence of help may itself have increased the need\" (Center for Good Administration). No figure is published, so the saving is shown on its own.",
        )
        .placeholder()
        .primary(),
    num(P::FailureContacts, "case.failure_contacts", Unit::ContactsPerCitizenMonth, 0.5, 0.0, 10.0)
        .label("Fejlbetinget efterspørgsel", "Failure demand")
        .help(
            "Henvendelser pr. måned fra en borger, der venter på en rigtig afgørelse.",
            "Contacts per month from a citizen waiting for a correct decision.",
        )
        .unc(0.2, 1.5)
        .assumed("Ingen offentliggjort måling.", "No published measurement."),
    num(P::ContactHours, "case.contact_hours", Unit::Hours, 0.5, 0.0, 8.0)
        .label("Timer pr. henvendelse", "Hours per contact")
        .help("Sagsbehandlertid pr. henvendelse.", "Caseworker time per contact.")
        .unc(0.25, 1.0)
        .assumed("Ingen offentliggjort måling.", "No published measurement."),
    num(P::DistrustAppeals, "case.distrust_appeals", Unit::Factor, 1.0, 0.0, 5.0)
        .label("Mistillid giver klager", "Distrust drives appeals")
        .help(
            "Hvor meget klagetilbøjeligheden stiger, når tilliden falder: 1 betyder, at 10 % lavere tillid giver 10 % flere klager.",
            "How much appeal propensity rises as trust falls: 1 means 10% lower trust gives 10% more appeals.",
        )
        .unc(0.0, 2.0)
        .assumed(
            "Borgere, der har mødt en forkert afgørelse, \"klager over alt for en sikkerheds skyld\" (Center for God Forvaltning).",
            "Citizens who have met a wrong decision \"complain about every later decision to be safe\" (Center for Good Administration).",
        ),
    num(P::SickLeave, "case.sick_leave", Unit::Share, 0.05, 0.0, 0.3)
        .label("Sygefravær i dag", "Sick leave today")
        .help("Andel af medarbejdernes tid, der går til sygefravær.", "Share of staff time lost to sick leave.")
        .unc(0.04, 0.07)
        .assumed("Et typisk niveau for kommunalt ansatte.", "A typical level for council staff."),
    num(P::SickConflict, "case.sick_conflict", Unit::Factor, 0.5, 0.0, 3.0)
        .label("Konflikter giver sygefravær", "Conflict drives sick leave")
        .help(
            "Hvor meget sygefraværet stiger med klager og henvendelser pr. arbejdstime: 0,5 betyder, at 10 % mere belastning giver 5 % mere fravær.",
            "How much sick leave rises with complaints and contacts per working hour: 0.5 means 10% more load gives 5% more sick leave.",
        )
        .unc(0.0, 1.5)
        .assumed(
            "\"Borgeren bliver mere syg, sagsbehandleren bliver bare syg\" (Center for God Forvaltning). Intet tal.",
            "\"The citizen gets sicker, the caseworker just gets sick\" (Center for Good Administration). No figure.",
        ),
    num(P::TrustReach, "trust.reach", Unit::People, 3.0, 1.0, 20.0)
        .label("Personer, én oplevelse når", "People one experience reaches")
        .help("Borgeren selv og dem omkring, der hører om oplevelsen.", "The citizen and those around them who hear of it.")
        .unc(2.0, 6.0)
        .assumed("Ingen måling.", "No measurement.")
        .group(Group::Trust),
    num(P::TrustNegative, "trust.negative_effect", Unit::Share, 0.2, 0.0, 1.0)
        .label("Virkning af en dårlig oplevelse", "Effect of a bad experience")
        .help(
            "Sandsynlighed for, at en nået person med høj tillid går til lav tillid.",
            "Probability that a reached person with high trust moves to low trust.",
        )
        .unc(0.1, 0.4)
        .assumed("Ingen måling.", "No measurement.")
        .group(Group::Trust),
    num(P::TrustPositive, "trust.positive_effect", Unit::Share, 0.05, 0.0, 1.0)
        .label("Virkning af en god oplevelse", "Effect of a good experience")
        .help(
            "Sandsynlighed for, at en nået person med lav tillid går til høj tillid. Gode oplevelser vejer mindre end dårlige.",
            "Probability that a reached person with low trust moves to high trust. Good experiences weigh less than bad ones.",
        )
        .unc(0.02, 0.1)
        .assumed("Ingen måling; negative oplevelser antages at veje tungere.", "No measurement; bad experiences are assumed to weigh more.")
        .group(Group::Trust),
    num(P::TrustMemory, "trust.memory_months", Unit::Months, 24.0, 3.0, 120.0)
        .label("Tillidens hukommelse", "Memory of trust")
        .help(
            "Hvor hurtigt tilliden uden nyt glider tilbage mod dagens niveau (gennemsnitlig tid).",
            "How fast trust drifts back to today's level without news (mean time).",
        )
        .unc(12.0, 48.0)
        .assumed("Ingen måling.", "No measurement.")
        .group(Group::Trust),
    num(P::PbShare, "pb.share", Unit::Share, 0.005, 0.0, 0.03)
        .label("Andel af budgettet til borgerne", "Share of the budget handed to citizens")
        .help(
            "Andel af det årlige driftsbudget, som borgerne bestemmer over hvert år. 0 = ingen borgerbudget.",
            "Share of the annual operating budget citizens decide on each year. 0 = no participatory budgeting.",
        )
        .cited(
            "Tekstens forslag: 0,5-1 %. Skotland: aftale om mindst 1 % (COSLA 2017); Polen 0,5-2 %.",
            "The seed texts: 0.5-1%. Scotland: at least 1% agreed (COSLA 2017); Poland 0.5-2%.",
        )
        .group(Group::Pb)
        .primary(),
    num(P::PbFirstVote, "pb.first_vote_month", Unit::Months, 6.0, 1.0, 120.0)
        .label("Første afstemning i måned", "First vote in month")
        .help("Måneden for den første afstemning; derefter én om året.", "The month of the first vote; then one a year.")
        .assumed("Et valg, ikke en måling.", "A choice, not a measurement.")
        .own()
        .group(Group::Pb)
        .integer(),
    num(P::PbYears, "pb.years", Unit::Cycles, 10.0, 1.0, 10.0)
        .label("Antal år med borgerbudget", "Years of participatory budgeting")
        .help(
            "Hvor mange årlige afstemninger der holdes. Stopper det før tidshorisonten, skuffes forventningerne.",
            "How many yearly votes are held. If it stops before the horizon, raised expectations are disappointed.",
        )
        .assumed("Et valg, ikke en måling.", "A choice, not a measurement.")
        .own()
        .group(Group::Pb)
        .primary()
        .integer(),
    num(P::PbProcessCost, "pb.process_cost_share", Unit::Share, 0.10, 0.0, 0.5)
        .label("Procesudgift", "Process cost")
        .help("Andel af puljen, der går til at drive processen (oplysning, møder, afstemning).", "Share of the pot spent on running the process (outreach, meetings, the vote).")
        .unc(0.05, 0.15)
        .assumed("Intet offentliggjort tal fundet; 5-15 %.", "No published figure found; 5-15%.")
        .group(Group::Pb),
    num(P::PbOutreach, "pb.targeted_outreach", Unit::Share, 0.3, 0.0, 1.0)
        .label("Målrettet opsøgende arbejde", "Targeted outreach")
        .help("Andel af det opsøgende arbejde, der rettes mod grupper, som sjældent bliver hørt.", "Share of outreach aimed at rarely-heard groups.")
        .assumed("Et valg, ikke en måling.", "A choice, not a measurement.")
        .own()
        .group(Group::Pb)
        .primary(),
    num(P::PbInPerson, "pb.in_person_share", Unit::Share, 0.3, 0.0, 1.0)
        .label("Deltagelse ved fremmøde", "Taking part in person")
        .help("Andel af deltagelsen, der foregår ved fysiske møder frem for online.", "Share of participation that happens in person rather than online.")
        .assumed("Et valg, ikke en måling.", "A choice, not a measurement.")
        .own()
        .group(Group::Pb)
        .primary(),
    num(P::PbOverride, "pb.override_share", Unit::Share, 0.05, 0.0, 0.5)
        .label("Kommunalbestyrelsen underkender", "The council overrules")
        .help("Andel af borgernes valgte projekter, som kommunalbestyrelsen ikke gennemfører.", "Share of citizen-chosen projects the council overrules.")
        .assumed(
            "Kommunalbestyrelsens eget valg. Danmarks barriere er at »give slip på kontrollen« (Center for God Forvaltning).",
            "The council's own choice. Denmark's barrier is \"letting go of control\" (Center for Good Administration).",
        )
        .own()
        .group(Group::Pb)
        .primary(),
    num(P::PbDelivery, "pb.delivery_rate", Unit::Share, 0.6, 0.0, 1.0)
        .label("Projekter gennemført inden et år", "Projects delivered within a year")
        .help("Andel af de vindende projekter, der står færdige inden et år efter afstemningen.", "Share of winning projects finished within a year of the vote.")
        .unc(0.45, 0.75)
        .cited(
            "Paris: omkring halvdelen af vinderne var bygget to år efter afstemningen (AFP 2021).",
            "Paris: about half of the winners built two years after the vote (AFP 2021).",
        )
        .derived()
        .group(Group::Pb)
        .primary(),
    num(P::PbVotersWithWinner, "pb.voters_with_winner", Unit::Share, 0.7, 0.0, 1.0)
        .label("Vælgere, der får et projekt, de stemte på", "Voters who get a project they voted for")
        .help("Andel af de stemmende, der ser mindst ét af de projekter, de stemte på, blive valgt. Tillid fra gennemførte projekter virker på dem; brudte løfter ser alle, der deltog. Mål jeres egen på siden Afstemningsregler.", "Share of voters who see at least one project they voted for chosen. Trust from delivered projects acts on them; broken promises are seen by everyone who took part. Measure your own on the Voting rules page.")
        .unc(0.5, 0.9)
        .assumed(
            "Ingen samlet måling; afhænger af optællingsreglen (lige andele giver typisk flere end flest stemmer først). Mål jeres egne stemmesedler på siden Afstemningsregler.",
            "No pooled measurement; it depends on the counting rule (Equal Shares typically gives more than most votes first). Measure your own ballots on the Voting rules page.",
        )
        .group(Group::Pb),
    num(P::PbProjectCost, "pb.project_cost", Unit::CurrencyPerProject, 500_000.0, 10_000.0, 50_000_000.0)
        .label("Udgift pr. projekt", "Cost per project")
        .help("Gennemsnitlig pris for et vindende projekt.", "Average cost of a winning project.")
        .unc(300_000.0, 900_000.0)
        .assumed("Danske puljer: 50.000-4 mio. kr. pr. område; projekter typisk mindre.", "Danish pots: DKK 50,000-4 million per area; projects typically smaller.")
        .placeholder()
        .group(Group::Pb),
    num(P::PbTurnoutMax, "pb.turnout_max", Unit::Share, 0.18, 0.01, 0.6)
        .label("Højeste deltagelse", "Highest turnout")
        .help(
            "Andel af voksne, der stemmer ved en stor pulje i en moden proces i en kommune med 50.000 indbyggere.",
            "Share of adults voting with a large pot in a mature process in a municipality of 50,000.",
        )
        .unc(0.03, 0.45)
        .cited(
            "Tilpasset otte offentliggjorte afstemninger (Paris, Warszawa, New York, Madrid, Helsinki ×3, Reykjavik); se »Hvor godt passer modellen?«. Intervallet er bredt, fordi modellen rammer byerne inden for en faktor 1,8, ikke bedre.",
            "Fitted to eight published votes (Paris, Warsaw, New York, Madrid, Helsinki ×3, Reykjavik); see \"How well does it fit?\". The range is wide because the model meets those cities within a factor of 1.8, no better.",
        )
        .derived(),
    num(P::PbShareHalf, "pb.share_half", Unit::Share, 0.00024, 0.00005, 0.02)
        .label("Puljens mætning", "Pot saturation")
        .help(
            "Budgetandel, hvor deltagelsen har nået ca. 63 % af sit højeste: større puljer giver mindre ekstra.",
            "Budget share at which turnout reaches about 63% of its highest: bigger pots add less and less.",
        )
        .unc(0.0001, 0.0006)
        .cited(
            "Tilpasset: Helsinki (0,09-0,18 % af budgettet) har højere deltagelse end Madrid (1,4 %) og Paris (1 %), så puljens størrelse forklarer lidt over 0,05 %.",
            "Fitted: Helsinki (0.09-0.18% of the budget) turns out more than Madrid (1.4%) and Paris (1%), so the pot's size explains little above 0.05%.",
        )
        .derived(),
    num(P::PbSizeElasticity, "pb.size_elasticity", Unit::Factor, 0.3, 0.0, 1.0)
        .label("Mindre samfund deltager mere", "Smaller communities take part more")
        .help("Deltagelsen falder med (indbyggere/50.000) opløftet i minus denne værdi.", "Turnout falls with (residents/50,000) to the power of minus this value.")
        .unc(0.2, 0.4)
        .assumed("Ingen samlet måling; mindre samfund har højere deltagelse i de fleste opgørelser.", "No pooled measurement; smaller communities turn out more in most accounts.")
        .group(Group::Pb),
    num(P::PbFirstMaturity, "pb.first_maturity", Unit::Share, 0.45, 0.1, 1.0)
        .label("Deltagelse første år", "Turnout in the first year")
        .help("Første års deltagelse i forhold til en moden proces.", "First-year turnout relative to a mature process.")
        .unc(0.35, 0.6)
        .cited(
            "Paris: ca. 40.000 stemmer i 2014 mod ca. 92.000 i 2016.",
            "Paris: about 40,000 votes in 2014 against about 92,000 in 2016.",
        )
        .derived()
        .group(Group::Pb),
    num(P::PbMaturityGrowth, "pb.maturity_growth", Unit::Share, 0.42, 0.0, 1.0)
        .label("Processen modner", "The process matures")
        .help(
            "Hvor stor en del af afstanden til en moden proces der lukkes hvert år, når alle løfter holdes (ganges med andelen af holdte løfter).",
            "How much of the gap to a mature process closes each year when every promise is kept (multiplied by the share of promises kept).",
        )
        .unc(0.25, 0.55)
        .assumed("Ingen måling.", "No measurement.")
        .group(Group::Pb),
    num(P::PbMaturityLoss, "pb.maturity_loss", Unit::Factor, 0.2, 0.0, 2.0)
        .label("Brudte løfter skræmmer væk", "Broken promises put people off")
        .help(
            "Hvor meget underkendte og forsinkede projekter sænker næste års deltagelse.",
            "How much overruled and late projects lower next year's turnout.",
        )
        .unc(0.1, 0.6)
        .assumed("Ingen måling.", "No measurement.")
        .group(Group::Pb),
    num(P::PbTrustSensitivity, "pb.trust_sensitivity", Unit::Factor, 1.0, 0.0, 3.0)
        .label("Tillid giver deltagelse", "Trust drives turnout")
        .help("Deltagelsen følger (tillid/tillid i dag) opløftet i denne værdi.", "Turnout follows (trust/trust today) to the power of this value.")
        .unc(0.5, 1.5)
        .assumed("Ingen måling.", "No measurement.")
        .group(Group::Pb),
    num(P::PbOutreachTurnout, "pb.outreach_turnout", Unit::Factor, 0.3, 0.0, 2.0)
        .label("Opsøgende arbejde øger deltagelsen", "Outreach raises turnout")
        .help("Relativ ændring i deltagelse pr. enhed målrettet opsøgende arbejde.", "Relative change in turnout per unit of targeted outreach.")
        .unc(0.1, 0.6)
        .assumed("Ingen måling.", "No measurement.")
        .group(Group::Pb),
    num(P::PbOnlineTurnout, "pb.online_turnout", Unit::Factor, 1.0, 0.0, 3.0)
        .label("Onlineafstemning øger deltagelsen", "Online voting raises turnout")
        .help(
            "Relativ ændring i deltagelse pr. enhed onlineandel over 70 %: deltagelse ved fremmøde når færre, men bedre repræsenterede.",
            "Relative change in turnout per unit of online share above 70%: voting in person reaches fewer, but more representative, people.",
        )
        .unc(0.3, 1.5)
        .cited(
            "Onlineafstemning hævede deltagelsen i Rio Grande do Sul (Spada m.fl., 2016); størrelsen er tilpasset valideringstilfældene (New York: fremmøde; Helsinki, Reykjavik: online).",
            "Online voting raised turnout in Rio Grande do Sul (Spada et al., 2016); the size is fitted to the validation cases (New York: in person; Helsinki, Reykjavik: online).",
        )
        .derived()
        .group(Group::Pb),
    num(P::PbRepresentationBase, "pb.representation_base", Unit::Factor, 0.6, 0.1, 1.5)
        .label("Repræsentation uden indsats", "Representation without effort")
        .help(
            "Sjældent hørte gruppers andel blandt de stemmende i forhold til deres andel af de voksne, uden opsøgende arbejde og fremmøde.",
            "Rarely-heard groups' share among voters relative to their share of adults, without outreach or in-person formats.",
        )
        .unc(0.45, 0.75)
        .assumed(
            "Paris' stemmende er overvejende 25-54 år; Edinburgh underrepræsenterede etniske minoriteter og unge.",
            "Paris voters skew 25-54; Edinburgh under-represented ethnic minorities and young people.",
        )
        .group(Group::Pb),
    num(P::PbOutreachRepresentation, "pb.outreach_representation", Unit::Factor, 0.5, 0.0, 2.0)
        .label("Opsøgende arbejde og repræsentation", "Outreach and representation")
        .help("Hvor meget målrettet opsøgende arbejde hæver repræsentationen.", "How much targeted outreach raises representation.")
        .unc(0.25, 0.75)
        .assumed(
            "NYC nåede vælgere med lav valgdeltagelse; britisk evaluering (2011): bedre end andre redskaber til at mobilisere sjældent hørte grupper.",
            "NYC reached low-propensity voters; a UK evaluation (2011): better than other tools at mobilising rarely-heard groups.",
        )
        .group(Group::Pb),
    num(P::PbInPersonRepresentation, "pb.in_person_representation", Unit::Factor, 0.3, 0.0, 2.0)
        .label("Fremmøde og repræsentation", "In person and representation")
        .help("Hvor meget deltagelse ved fremmøde hæver repræsentationen.", "How much in-person participation raises representation.")
        .unc(0.1, 0.5)
        .assumed("Ingen måling.", "No measurement.")
        .group(Group::Pb),
    num(P::PbRarelyHeard, "pb.rarely_heard_share", Unit::Share, 0.25, 0.05, 0.6)
        .label("Sjældent hørte grupper", "Rarely-heard groups")
        .help("Andel af de voksne, der hører til grupper, som sjældent deltager.", "Share of adults in groups that rarely take part.")
        .unc(0.15, 0.35)
        .assumed("Ingen fælles definition; et skøn.", "No common definition; an estimate.")
        .group(Group::Pb),
    num(P::PbRepeatFactor, "pb.repeat_factor", Unit::Factor, 3.0, 1.0, 10.0)
        .label("Tidligere deltagere stemmer igen", "Past participants vote again")
        .help("Hvor mange gange mere sandsynligt en tidligere deltager stemmer end en ny.", "How many times more likely a past participant votes than a new one.")
        .unc(2.0, 5.0)
        .assumed("Ingen måling.", "No measurement.")
        .group(Group::Pb),
    num(P::PbVolunteerHours, "pb.volunteer_hours", Unit::HoursPerThousand, 2.0, 0.0, 20.0)
        .label("Frivillige timer", "Volunteer hours")
        .help(
            "Frivillige timer pr. 1.000 i projektmidler ved en pulje på 1 mio.; større puljer giver relativt færre.",
            "Volunteer hours per 1,000 of project money at a pot of 1 million; bigger pots give relatively fewer.",
        )
        .unc(0.5, 4.0)
        .assumed(
            "Ingen måling. For mange tilskudsmidler kan give falske forventninger og afhængighed (webinaret i teksterne).",
            "No measurement. Too much grant money may foster false expectations and dependency (the webinar in the seed texts).",
        )
        .group(Group::Pb),
    num(P::PbVolunteerValue, "pb.volunteer_value", Unit::CurrencyPerHour, 200.0, 0.0, 1_000.0)
        .label("Værdi af en frivillig time", "Value of a volunteer hour")
        .help("Hvad en frivillig time ville koste at købe.", "What a volunteer hour would cost to buy.")
        .unc(150.0, 300.0)
        .assumed("Et skøn.", "An estimate.")
        .group(Group::Pb),
    num(P::PbElectionBoost, "pb.election_boost", Unit::Share, 0.084, 0.0, 0.2)
        .label("Deltagere stemmer mere ved valg", "Participants vote more in elections")
        .help("Stigning i deltagernes valgdeltagelse ved almindelige valg (procentpoint).", "Rise in participants' turnout at ordinary elections (percentage points).")
        .unc(0.05, 0.12)
        .cited(
            "+8,4 procentpoint (Johnson, Carlson & Reynolds, Political Behavior 2021).",
            "+8.4 percentage points (Johnson, Carlson & Reynolds, Political Behavior 2021).",
        )
        .group(Group::Pb),
    num(P::TrustPbInformation, "trust.pb_information", Unit::Share, 0.02, 0.0, 0.2)
        .label("Tillid af at høre om borgerbudgettet", "Trust from hearing of it")
        .help(
            "Sandsynlighed for, at en borger med lav tillid, der hører om afstemningen gennem en deltager, går til høj tillid.",
            "Probability that a low-trust resident who hears of the vote through a participant moves to high trust.",
        )
        .unc(0.0, 0.05)
        .assumed(
            "Oplysning om borgerbudgetter flytter tilliden »marginalt«, mest blandt skeptikere (Ardanaz m.fl., World Development 2023); tallet er en antagelse.",
            "Information about participatory budgeting moves trust \"marginally\", most among sceptics (Ardanaz et al., World Development 2023); the figure is an assumption.",
        )
        .group(Group::Trust)
        .home(Home::Pb),
    num(P::TrustPbDelivered, "trust.pb_delivered", Unit::Share, 0.05, 0.0, 0.5)
        .label("Tillid af gennemførte projekter", "Trust from delivered projects")
        .help("Sandsynlighed for, at en stemmende med lav tillid går til høj, når projektet står færdigt.", "Probability that a voter with low trust moves to high when the project is delivered.")
        .unc(0.02, 0.1)
        .assumed("Ingen måling.", "No measurement.")
        .group(Group::Trust)
        .home(Home::Pb),
    num(P::TrustPbOverruled, "trust.pb_overruled", Unit::Share, 0.2, 0.0, 1.0)
        .label("Tillid tabt ved underkendelse", "Trust lost when overruled")
        .help("Sandsynlighed for, at en stemmende med høj tillid går til lav, når borgernes valg underkendes.", "Probability that a voter with high trust moves to low when citizens' choice is overruled.")
        .unc(0.1, 0.4)
        .assumed(
            "Tillid er lettere at miste end at vinde (Slovic 1993, asymmetriprincippet): tab sat til mindst det dobbelte af gevinsten ved et holdt løfte. Tallet er en antagelse.",
            "Trust is easier to lose than to win (Slovic 1993, the asymmetry principle): losses set at least twice the gain of a kept promise. The figure is an assumption.",
        )
        .group(Group::Trust)
        .home(Home::Pb),
    num(P::TrustPbBroken, "trust.pb_broken", Unit::Share, 0.1, 0.0, 1.0)
        .label("Tillid tabt ved forsinkelse", "Trust lost when late")
        .help("Sandsynlighed for, at en stemmende med høj tillid går til lav, når projektet ikke er færdigt efter et år.", "Probability that a voter with high trust moves to low when the project is not done after a year.")
        .unc(0.05, 0.2)
        .assumed(
            "Tillid er lettere at miste end at vinde (Slovic 1993, asymmetriprincippet): tab sat til mindst det dobbelte af gevinsten ved et holdt løfte. Tallet er en antagelse.",
            "Trust is easier to lose than to win (Slovic 1993, the asymmetry principle): losses set at least twice the gain of a kept promise. The figure is an assumption.",
        )
        .group(Group::Trust)
        .home(Home::Pb),
    num(P::TrustPbDisappointment, "trust.pb_disappointment", Unit::Share, 0.2, 0.0, 1.0)
        .label("Skuffelse når det stopper", "Disappointment when it stops")
        .help("Sandsynlighed for, at en tidligere deltager med høj tillid går til lav, når borgerbudgettet stopper.", "Probability that a past participant with high trust moves to low when participatory budgeting stops.")
        .unc(0.1, 0.4)
        .assumed(
            "Tillid er lettere at miste end at vinde (Slovic 1993, asymmetriprincippet): tab sat til mindst det dobbelte af gevinsten ved et holdt løfte. Tallet er en antagelse.",
            "Trust is easier to lose than to win (Slovic 1993, the asymmetry principle): losses set at least twice the gain of a kept promise. The figure is an assumption.",
        )
        .group(Group::Trust)
        .home(Home::Pb),
]);

/// The browser build keeps the one-line help of the primary levers only (about 3 KB gzip less);
/// the others' "About this figure" links to the static Sources page, which shows every help text
/// and source. Native builds (the command line, the static pages, the tests) keep everything.
const fn for_build(mut table: [ParamSpec; N_PARAMS]) -> [ParamSpec; N_PARAMS] {
    if cfg!(target_arch = "wasm32") {
        let mut i = 0;
        while i < N_PARAMS {
            if !table[i].primary {
                table[i].help = Both::new("", "");
            }
            i += 1;
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participatory_budgetings_parameters_live_in_its_view() {
        // PB's own group, and the trust parameters that act only through PB, in the PB view; every
        // other parameter in the casework view.
        let pb_trust = [
            P::TrustPbInformation,
            P::TrustPbDelivered,
            P::TrustPbOverruled,
            P::TrustPbBroken,
            P::TrustPbDisappointment,
        ];
        for spec in PARAMS.iter() {
            let expected =
                if spec.group == Group::Pb || pb_trust.contains(&spec.id) { Home::Pb } else { Home::Casework };
            assert_eq!(spec.home, expected, "{}", spec.key);
        }
    }

    #[test]
    fn table_is_in_enum_order_and_consistent() {
        let mut keys = std::collections::HashSet::new();
        for (i, p) in PARAMS.iter().enumerate() {
            assert_eq!(p.id as usize, i, "{} is out of order", p.key);
            assert!(keys.insert(p.key), "duplicate key {}", p.key);
            assert!(p.min <= p.default && p.default <= p.max, "{} default outside range", p.key);
            assert!(!p.label.da().is_empty() && !p.label.en().is_empty(), "{} label", p.key);
            assert!(!p.help.da().is_empty() && !p.help.en().is_empty(), "{} help", p.key);
            let (Source::Cited(s) | Source::Assumption(s)) = p.source;
            assert!(!s.da().is_empty() && !s.en().is_empty(), "{} source", p.key);
            if let Some((lo, hi)) = p.uncertainty {
                assert!(p.min <= lo && lo <= p.default && p.default <= hi && hi <= p.max, "{} uncertainty", p.key);
            }
            if p.unit == Unit::Choice {
                assert_eq!(p.max as usize + 1, p.choices.len(), "{} choices", p.key);
            }
        }
    }

    #[test]
    fn every_assumption_has_a_range_or_is_the_councils_own_figure() {
        for p in &PARAMS {
            match p.grade {
                // The council's own choices and figures are not drawn in the Monte Carlo.
                Grade::Own => assert!(p.uncertainty.is_none(), "{} is the council's own but has a range", p.key),
                Grade::Published => {}
                _ => assert!(p.uncertainty.is_some(), "{} is graded {:?} but has no range", p.key, p.grade),
            }
            // A cited source is never graded as a bare assumption, and an assumption never as published.
            match (p.source, p.grade) {
                (Source::Assumption(_), Grade::Published | Grade::Derived) => {
                    panic!("{}: assumed but graded {:?}", p.key, p.grade)
                }
                (Source::Cited(_), Grade::Assumption | Grade::Placeholder) => {
                    panic!("{}: cited but graded {:?}", p.key, p.grade)
                }
                _ => {}
            }
        }
    }
}
