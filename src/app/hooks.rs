//! Custom hooks: the effects components need, kept out of their bodies.

use yew::prelude::*;

use super::state::View;
use crate::i18n::Lang;

/// Keep the document in step with the state: the `lang` attribute, the title, and the URL (so a
/// copied address opens the same view in the same language).
#[hook]
pub fn use_document_sync(lang: Lang, view: View) {
    use_effect_with((lang, view), |&(lang, view)| {
        let t = lang.texts();
        let title = match view {
            View::Overview => t.app_name.to_string(),
            other => format!("{} – {}", other.label(t), t.app_name),
        };
        crate::web::set_document(lang, &title);
        let view_param = (view != View::Overview).then_some(view.code());
        crate::web::replace_query(&[("lang", Some(lang.code())), ("view", view_param)]);
    });
}

/// Draw `chart` on the canvas behind `canvas` whenever the chart or the language changes, and again
/// when the window is resized (the canvas follows its CSS size at the device's pixel ratio).
#[hook]
pub fn use_chart(canvas: NodeRef, chart: std::rc::Rc<crate::charts::Chart>, lang: Lang) {
    use_effect_with((chart, lang), move |(chart, lang)| {
        let draw = {
            let (canvas, chart, lang) = (canvas.clone(), chart.clone(), *lang);
            move || {
                if let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                    crate::web::draw_chart(&el, &chart, lang);
                }
            }
        };
        draw();
        let listener = crate::web::on_resize(draw);
        move || drop(listener)
    });
}
