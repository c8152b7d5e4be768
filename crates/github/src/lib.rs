//! GitHub REST client and the report/heal/init/stats loop.
