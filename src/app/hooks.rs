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
