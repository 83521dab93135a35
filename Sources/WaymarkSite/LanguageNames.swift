import WaymarkContent
import WaymarkCore

/// Languages' names for themselves, for download links in languages the site itself may not be
/// published in ("ትግርኛ – information flyer (PDF, 610 KB)").
enum LanguageNames {
    static let native: [String: String] = [
        "am": "አማርኛ", "ar": "العربية", "bg": "Български", "ckb": "کوردی", "cs": "Čeština", "cy": "Cymraeg",
        "en": "English", "es": "Español", "fa": "فارسی", "fr": "Français", "hu": "Magyar", "ku": "Kurdî",
        "lt": "Lietuvių", "lv": "Latviešu", "pa": "ਪੰਜਾਬੀ", "pl": "Polski", "prs": "دری", "ps": "پښتو",
        "pt": "Português", "ro": "Română", "rom": "Romani", "ru": "Русский", "sk": "Slovenčina", "so": "Soomaali",
        "sq": "Shqip", "ti": "ትግርኛ", "uk": "Українська", "ur": "اردو", "vi": "Tiếng Việt", "zh": "中文",
    ]

    /// The site's own name for a language it publishes in, else the built-in one, else the code.
    static func name(_ code: String, config: SiteConfig) -> String {
        config.language(code)?.name ?? native[code.lowercased()] ?? code
    }
}

/// File sizes as GOV.UK writes them: "930 KB", "1.4 MB".
enum FileSize {
    static func text(bytes: Int) -> String {
        let kilobytes = Double(bytes) / 1024
        if kilobytes < 1024 { return "\(max(1, Int(kilobytes.rounded(.up)))) KB" }
        let megabytes = (kilobytes / 1024 * 10).rounded() / 10
        return megabytes == megabytes.rounded() ? "\(Int(megabytes)) MB" : "\(megabytes) MB"
    }
}
