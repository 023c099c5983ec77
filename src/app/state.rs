//! The app's state ([`crate::state`], pure) as Yew's reducer.

pub use crate::state::*;

use std::rc::Rc;

impl yew::Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.reduced(action)
    }
}
