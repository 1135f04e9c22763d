//! The JSON Schema of plan files, generated from the model so that editors
//! (e.g. Taplo / Even Better TOML) complete and check what the app accepts.

use super::model::PlanFile;

/// The schema as pretty-printed JSON.
pub fn plan_schema_json() -> String {
    let schema = schemars::schema_for!(PlanFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regenerates plans/plan.schema.json (like the TS bindings, CI fails when
    /// the committed file differs) and checks it describes the format.
    #[test]
    fn export_plan_schema() {
        let json = plan_schema_json();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let props = v["properties"].as_object().unwrap();
        for key in [
            "format",
            "id",
            "period",
            "tracks",
            "day_templates",
            "weeks",
            "milestones",
            "checklists",
        ] {
            assert!(props.contains_key(key), "schema lacks `{key}`");
        }
        assert_eq!(
            v["additionalProperties"],
            serde_json::Value::Bool(false),
            "unknown keys are errors"
        );
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../plans/plan.schema.json");
        std::fs::write(path, json).unwrap();
    }
}
