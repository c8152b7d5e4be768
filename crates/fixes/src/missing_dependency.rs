use crate::{Ctx, Generated};

pub(crate) fn generate(_ctx: &Ctx<'_>) -> Generated {
    Err("not yet".into())
}
