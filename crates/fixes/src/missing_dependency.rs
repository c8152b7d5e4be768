use crate::{Ctx, Generated};

pub(crate) fn generate(_ctx: &Ctx<'_>) -> Generated {
    Err("not yet".into())
}

pub(crate) fn failing_step<'j, 'a>(ctx: &Ctx<'_>, job: &'j autoheal_engine::model::Job<'a>) -> Option<&'j autoheal_engine::model::Step<'a>> {
    crate::locate::step(job, ctx.failure)
}
