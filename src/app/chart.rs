//! A chart as a figure: the canvas, an HTML legend, and the same numbers as a table.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::Chart;
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
    let caption_id = format!("{}-caption", props.id);
    let on_png = {
        let (chart, title, summary, id, lang) =
            (props.chart.clone(), props.title.clone(), props.summary.clone(), props.id.clone(), props.lang);
        Callback::from(move |_: MouseEvent| {
            crate::web::download_png(&chart, &title, &summary, &format!("one-percent-{id}.png"), lang)
        })
    };
    html! {
        <figure class="chart" id={props.id.clone()} aria-labelledby={caption_id.clone()}>
            <figcaption id={caption_id.clone()}>{ props.title.clone() }</figcaption>
            <canvas ref={canvas} role="img" aria-label={format!("{} – {}", props.title, ct.show_table)}></canvas>
            <ul class="legend">
                { for props.chart.legend().into_iter().map(|(label, color, dash)| html! {
                    <li>
                        <svg width="28" height="12" aria-hidden="true" focusable="false">
                            if let Some((on, off)) = dash.pattern() {
                                <line x1="1" y1="6" x2="27" y2="6" stroke={color.hex()} stroke-width="3" stroke-dasharray={format!("{on} {off}")} />
                            } else {
                                <rect x="1" y="1" width="26" height="10" fill={color.hex()} />
                            }
                        </svg>
                        { label }
                    </li>
                }) }
            </ul>
            <details class="chart-table">
                <summary>{ ct.show_table }</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{} {}", props.title, ct.table_caption_suffix)}>
                    <table>
                        <caption class="visually-hidden">{ format!("{} {}", props.title, ct.table_caption_suffix) }</caption>
                        <thead><tr>{ for table.head.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                        <tbody>
                            { for table.rows.iter().map(|row| html! {
                                <tr>
                                    { for row.iter().enumerate().map(|(i, c)| if i == 0 {
                                        html! { <th scope="row">{ c }</th> }
                                    } else {
                                        html! { <td>{ c }</td> }
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
            <button type="button" class="button-link png" onclick={on_png}
                aria-label={format!("{} – {}", props.lang.texts().download_png, props.title)}>{ props.lang.texts().download_png }</button>
        </figure>
    }
}

/// A line's key: its colour and pattern, as in the charts' legends (for table rows and columns
/// that stand for a line).
pub fn line_key(color: crate::charts::palette::Rgb, dash: crate::charts::Dash) -> Html {
    html! {
        <svg width="28" height="12" aria-hidden="true" focusable="false">
            <line x1="1" y1="6" x2="27" y2="6" stroke={color.hex()} stroke-width="3"
                stroke-dasharray={dash.pattern().map(|(a, b)| format!("{a} {b}"))} />
        </svg>
    }
}
