// scripts/package writes the packaged build's commit here and puts this file back afterwards
// (it replaces the whole file); every other build says "unknown".
enum BuildInfo { static let commit = "unknown" }
