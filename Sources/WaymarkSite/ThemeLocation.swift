import Foundation
import WaymarkContent
import WaymarkCore

/// Which theme folder a build layers over the built-in theme, if any.
///
/// `--theme DIR` wins, then `theme: DIR` in `site.yaml`; both are relative to the folder
/// Waymark runs in, like `--source`. Without either, a `theme` folder there is used when it
/// exists (as every site made before the theme was built in has one), else the built-in theme
/// alone, so a folder holding only `content/` builds.
public enum ThemeLocation {
    /// The folder used when neither `--theme` nor `theme:` names one, if it exists.
    public static let conventionalFolder = "theme"

    /// The theme folder for a build with `option` (`--theme`) and `config`; nil: the built-in
    /// theme alone. A folder that was asked for and is not there is an error naming it.
    static func resolve(option: String?, config: SiteConfig) -> Result<String?, BuildFailure> {
        if let option {
            return check(option, location: SourceLocation(file: SiteBuilder.display(option)),
                         named: "the theme folder given with --theme",
                         help: "check the path: it is relative to the folder you run waymark in. Leave out --theme to use the theme built into Waymark")
        }
        if let setting = config.theme {
            let location = config.locations["theme"] ?? SourceLocation(file: "site.yaml")
            guard !setting.isEmpty else {
                return failure(.error(location, "'theme' is empty", help: "name a theme folder, or remove the line to use the theme built into Waymark"))
            }
            return check(setting, location: location, named: "the theme folder '\(setting)'",
                         help: "'theme' is relative to the folder you run waymark in, not to site.yaml. Remove the line to use the theme built into Waymark")
        }
        return .success(isFolder(conventionalFolder) ? conventionalFolder : nil)
    }

    /// The folder `waymark serve` watches for theme changes: the one a build with `options`
    /// would use, or the conventional `theme` folder, which may appear while the preview runs
    /// (a missing folder is watched for).
    public static func watchedFolder(_ options: BuildOptions) -> String {
        if let option = options.themeDirectory { return option }
        let reader = SourceReader(root: options.sourceDirectory, displayRoot: SiteBuilder.display(options.sourceDirectory))
        if case .success(let config) = SiteConfigLoader.load(from: reader), let setting = config.theme, !setting.isEmpty {
            return setting
        }
        return conventionalFolder
    }

    private static func check(_ path: String, location: SourceLocation, named: String, help: String) -> Result<String?, BuildFailure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return failure(.error(location, "\(named) does not exist", help: help))
        }
        guard isDirectory.boolValue else {
            return failure(.error(location, "\(named) is a file, not a folder", help: help))
        }
        return .success(path)
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func failure(_ diagnostic: Diagnostic) -> Result<String?, BuildFailure> {
        .failure(BuildFailure(Diagnostics([diagnostic])))
    }
}
