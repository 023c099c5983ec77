//! A chart as a figure: the canvas, an HTML legend, and the same numbers as a table.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::{Chart, Dash, Key};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub chart: Rc<Chart>,
    pub lang: Lang,
    /// The summary drawn into the PNG export with the title and the source line.
    #[prop_or_default]
    pub summary: AttrValue,
    /// The municipality's name, put before the title in the PNG.
    #[prop_or_default]
    pub place: AttrValue,
    /// Drawn large, for a projector (the workshop page).
    #[prop_or_default]
    pub presenter: bool,
}

#[component]
pub fn ChartFigure(props: &ChartProps) -> Html {
    let canvas = use_node_ref();
    crate::app::hooks::use_chart(
        canvas.clone(),
        props.chart.clone(),
        props.lang,
        if props.presenter { 1.8 } else { 1.0 },
    );
    let ct = &props.lang.texts().case;
    let table = props.chart.table(props.lang);
    let table_name = format!("{} {}", props.title, ct.table_caption_suffix);
    let caption_id = format!("{}-caption", props.id);
    let on_png = |width: u32| {
        let title =
            if props.place.is_empty() { props.title.to_string() } else { format!("{}: {}", props.place, props.title) };
        let (chart, summary, id, lang) = (props.chart.clone(), props.summary.clone(), props.id.clone(), props.lang);
        Callback::from(move |_: MouseEvent| {
            crate::web::download_png(&chart, &title, &summary, &format!("one-percent-{id}-{width}.png"), lang, width)
        })
    };
    let [email, print] = crate::charts::PNG_WIDTHS;
    html! {
        <figure class="chart" id={props.id.clone()} aria-labelledby={caption_id.clone()}>
            <figcaption id={caption_id.clone()}>{ props.title.clone() }</figcaption>
            <canvas ref={canvas} role="img" aria-label={format!("{} – {}", props.title, ct.show_table)}></canvas>
            <ul class="legend">
                { for props.chart.keys(props.lang).into_iter().map(|(label, key)| html! {
                    <li>{ legend_key(key) }{ label }</li>
                }) }
            </ul>
            <details class="chart-table">
                <summary>{ ct.show_table }</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label={table_name.clone()}>
                    { Html::from_html_unchecked(table.html(&table_name).into()) }
                </div>
            </details>
            <p class="png">
                <button type="button" class="button-link" onclick={on_png(email)}
                    aria-label={format!("{} – {}", props.lang.texts().download_png, props.title)}>{ props.lang.texts().download_png }</button>
                <button type="button" class="button-link" onclick={on_png(print)}
                    aria-label={format!("{} – {}", props.lang.texts().download_png_print, props.title)}>{ props.lang.texts().download_png_print }</button>
            </p>
        </figure>
    }
}

/// A legend entry's key, drawn as on the chart by CSS (`.legend i`): a filled swatch, a line in
/// its pattern, the uncertainty shading or a whisker. One element whose data attributes name the
/// kind, the palette colour (`--c1`..`--c7`, `--baseline`) and the pattern: an SVG per entry costs
/// the page's wasm several times as much, and the CSP allows no inline styles.
pub fn legend_key(key: Key) -> Html {
    let colour = |c: crate::charts::palette::Rgb| {
        const NAMES: [&str; 7] = ["1", "2", "3", "4", "5", "6", "7"];
        crate::charts::palette::SERIES.iter().position(|s| *s == c).map_or("b", |i| NAMES[i])
    };
    let (kind, c, dash) = match key {
        Key::Series(c, Dash::Solid) => ("fill", colour(c), ""),
        Key::Series(c, Dash::Dashed) => ("line", colour(c), "dashed"),
        Key::Series(c, Dash::Dotted) => ("line", colour(c), "dotted"),
        Key::Series(c, Dash::Long) => ("line", colour(c), "long"),
        Key::Ribbon(c) => ("ribbon", colour(c), ""),
        Key::Whisker => ("whisker", "", ""),
    };
    html! { <i aria-hidden="true" data-k={kind} data-c={c} data-d={dash}></i> }
}

fn line_key_shape(color: crate::charts::palette::Rgb, dash: Dash) -> Html {
    html! {
        <line x1="1" y1="6" x2="27" y2="6" stroke={color.hex()} stroke-width="3"
            stroke-dasharray={dash.pattern().map(|(a, b)| format!("{a} {b}"))} />
    }
}

/// A line's key: its colour and pattern, as in the charts' legends (for table rows and columns
/// that stand for a line).
pub fn line_key(color: crate::charts::palette::Rgb, dash: Dash) -> Html {
    html! {
        <svg width="28" height="12" aria-hidden="true" focusable="false">{ line_key_shape(color, dash) }</svg>
    }
}
