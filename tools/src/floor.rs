//! The floor of a chapter's edit-and-rerun loop (`cargo loop-speed`): the smallest crate with the
//! chapter's own dependencies and one snapshot test.
//!
//! The floor is what any crate with those dependencies pays for a one-line edit: compiling a
//! library and a test crate, and linking a test binary with the dependencies in it. Chapter 5
//! links an HTTP server, client and HTML parser; chapter 1 links only `support`; each chapter is
//! held against a floor with its own. The floor uses cargo's default profile, as a new crate
//! would; what the workspace tunes (debug info of dependencies, say) is part of what is measured.

use toml::{Table, Value};

/// A floor crate: its package's name and its files.
pub struct Floor {
    pub package: String,
    pub manifest: String,
    pub lib: String,
    pub test: String,
}

/// The floor of `chapter` ("3"), from the root manifest and the chapter crate's manifest (both
/// TOML text). `root` is the repository root, for the dependencies given by path (`support`).
pub fn floor_of(
    chapter: &str,
    root_manifest: &str,
    chapter_manifest: &str,
    root: &std::path::Path,
) -> Result<Floor, String> {
    let root_manifest: Table = root_manifest.parse().map_err(|error| format!("{error}"))?;
    let chapter_manifest: Table = chapter_manifest
        .parse()
        .map_err(|error| format!("{error}"))?;
    let workspace = root_manifest
        .get("workspace")
        .and_then(|workspace| workspace.get("dependencies"))
        .and_then(Value::as_table)
        .ok_or("the root manifest has no [workspace.dependencies]")?;
    let section = |name: &str| -> Result<Table, String> {
        let Some(dependencies) = chapter_manifest.get(name).and_then(Value::as_table) else {
            return Ok(Table::new());
        };
        dependencies
            .iter()
            .map(|(crate_name, spec)| {
                Ok((
                    crate_name.clone(),
                    resolved(crate_name, spec, workspace, root)?,
                ))
            })
            .collect()
    };
    let dependencies = section("dependencies")?;
    let dev_dependencies = section("dev-dependencies")?;

    let package = format!("floor-chapter{chapter}");
    // `extern crate` links a dependency into the test binary even though nothing calls it, as
    // a chapter's code would (the 2018 edition links only the crates a crate names).
    let externs = |table: &Table| -> String {
        table
            .keys()
            .map(|name| format!("extern crate {};\n", name.replace('-', "_")))
            .collect()
    };
    let lib = format!(
        "{}\npub fn answer() -> u32 {{\n    42\n}}\n",
        externs(&dependencies)
    );
    let test = format!(
        "{}\n#[test]\nfn the_answer() {{\n    insta::assert_snapshot!({}::answer().to_string(), @\"42\");\n}}\n",
        externs(&dev_dependencies),
        package.replace('-', "_")
    );

    let mut manifest = Table::new();
    manifest.insert(
        "package".into(),
        Value::Table(Table::from_iter([
            ("name".to_owned(), Value::from(package.as_str())),
            ("version".to_owned(), Value::from("0.1.0")),
            ("edition".to_owned(), Value::from("2024")),
        ])),
    );
    // An empty [workspace]: the floor is a workspace of its own, not a member of ours.
    manifest.insert("workspace".into(), Value::Table(Table::new()));
    manifest.insert("dependencies".into(), Value::Table(dependencies));
    manifest.insert("dev-dependencies".into(), Value::Table(dev_dependencies));
    Ok(Floor {
        package,
        manifest: toml::to_string(&manifest).map_err(|error| format!("{error}"))?,
        lib,
        test,
    })
}

/// A chapter's dependency with `workspace = true` replaced by the workspace's entry (its
/// version or path, and its features together with the chapter's), as cargo resolves it.
fn resolved(
    name: &str,
    spec: &Value,
    workspace: &Table,
    root: &std::path::Path,
) -> Result<Value, String> {
    let Some(spec) = spec.as_table() else {
        return Ok(spec.clone());
    };
    if spec.get("workspace").and_then(Value::as_bool) != Some(true) {
        return Ok(Value::Table(spec.clone()));
    }
    let mut merged = match workspace.get(name) {
        Some(Value::String(version)) => {
            Table::from_iter([("version".to_owned(), Value::from(version.as_str()))])
        }
        Some(Value::Table(entry)) => entry.clone(),
        _ => return Err(format!("{name} is not in [workspace.dependencies]")),
    };
    if let Some(Value::String(path)) = merged.get("path") {
        let absolute = root.join(path).display().to_string();
        merged.insert("path".into(), Value::from(absolute));
    }
    let mut features: Vec<Value> = merged
        .get("features")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for feature in spec
        .get("features")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if !features.contains(feature) {
            features.push(feature.clone());
        }
    }
    if !features.is_empty() {
        merged.insert("features".into(), Value::Array(features));
    }
    Ok(Value::Table(merged))
}

#[cfg(test)]
mod tests {
    use super::floor_of;

    const ROOT: &str = r#"
[workspace.dependencies]
support = { path = "support" }
insta = "1.49"
tokio = { version = "1.54", default-features = false }
"#;

    const CHAPTER: &str = r#"
[dependencies]
support.workspace = true
tokio = { workspace = true, features = ["rt"] }

[dev-dependencies]
insta.workspace = true
tokio = { workspace = true, features = ["rt", "test-util"] }
"#;

    #[test]
    fn the_floor_has_the_chapters_dependencies_as_cargo_resolves_them() {
        let floor = floor_of("3", ROOT, CHAPTER, std::path::Path::new("/repo")).unwrap();
        let manifest: toml::Table = floor.manifest.parse().unwrap();
        assert_eq!(manifest["package"]["name"].as_str(), Some("floor-chapter3"));
        assert_eq!(
            manifest["dependencies"]["support"]["path"].as_str(),
            Some("/repo/support")
        );
        let tokio = &manifest["dev-dependencies"]["tokio"];
        assert_eq!(tokio["version"].as_str(), Some("1.54"));
        assert_eq!(tokio["default-features"].as_bool(), Some(false));
        assert_eq!(tokio["features"].as_array().unwrap().len(), 2);
        assert_eq!(floor.lib.matches("extern crate").count(), 2);
        assert!(floor.lib.contains("extern crate support;"));
        assert!(floor.test.contains("extern crate insta;"));
        assert!(floor.test.contains("floor_chapter3::answer()"));
    }
}
