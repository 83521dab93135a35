// Written by scripts/package for this build; the repository copy says "unknown".
enum BuildInfo { static let commit = "bdd63cb" }
