/// Waymark's version, as `waymark --version` prints it.
///
/// `number` is the one place the release number lives: `scripts/package` reads it from this file
/// to name the tarball and the `.deb`. The commit comes from `BuildInfo.swift`, which says
/// `unknown` in the repository and which `scripts/package` fills in for the packaged build only,
/// so a plain `swift build` stays deterministic and never needs git.
enum WaymarkVersion {
    /// The release number.
    static let number = "0.14.0"

    /// What `waymark --version` prints, e.g. `waymark 0.14.0 (commit abc1234)`.
    static var description: String { "waymark \(number) (commit \(BuildInfo.commit))" }
}
