import Foundation
import WaymarkCore
import WaymarkMarkdown

/// `image-alt`: images whose description does not describe them. An image with no description
/// at all is reported by the build (the renderer knows it first) under this rule's id, so it is
/// found by `waymark build` too and follows this rule's level in `waymark check`.
enum ImageAltRule {
    static let info = RuleInfo(id: ImageDescription.rule, title: "images described for people who cannot see them")

    static let rule = PageRule(info) { context, _ in
        MarkdownWalk.images(context.document).compactMap { problem(with: $0, in: context) }
    }

    private static func problem(with image: PageImage, in context: PageContext) -> Diagnostic? {
        let alt = image.children.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
        let location = context.location(line: image.line)
        if image.isDecorative {
            guard !alt.isEmpty else { return nil }
            return .finding(info, location, "image '\(image.source)' is marked decorative, so its description '\(alt)' will not be read out",
                            help: "if the image shows something the reader needs, remove \"decorative\"; if not, empty the brackets: ![](\(image.source) \"decorative\")")
        }
        if looksLikeFileName(alt, source: image.source) {
            return .finding(info, location, "the description of image '\(image.source)' is a file name ('\(alt)'), which tells someone who cannot see the image nothing",
                            help: "write what the image shows, or what the reader should take from it: ![what the image shows](\(image.source))")
        }
        if isOnlyAWordForImage(alt, context: context) {
            return .finding(info, location, "the description of image '\(image.source)' is only '\(alt)', which does not say what it shows",
                            help: "say what it shows, e.g. 'Hull City Council logo' rather than 'logo'; if it is only decoration, mark it: ![](\(image.source) \"decorative\")")
        }
        return nil
    }

    // MARK: File names

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "tif", "tiff", "heic", "heif", "ico"]

    /// Names cameras and phones give photos (`IMG_0042`, `DSC01234`, `PXL_20240101_…`).
    private static let cameraPrefixes = ["img", "dsc", "dscn", "dscf", "pxl", "mvimg", "gopr", "dji", "cimg"]
    /// Names screenshots and messaging apps give images, followed by a date.
    private static let screenshotPrefixes = ["screenshot", "screen shot", "whatsapp image"]

    /// A file name rather than a description: one ending in an image extension, a camera's
    /// name for a photo, or the image's own file name without its extension (`humber-map-2024`).
    static func looksLikeFileName(_ alt: String, source: String) -> Bool {
        let lower = alt.lowercased()
        guard !lower.isEmpty else { return false }
        if let dot = lower.lastIndex(of: "."), imageExtensions.contains(String(lower[lower.index(after: dot)...])) { return true }
        if cameraPrefixes.contains(where: { startsWithNumber(lower, after: $0, separators: "_- ", minimumDigits: 3) }) { return true }
        if screenshotPrefixes.contains(where: { startsWithNumber(lower, after: $0, separators: "_- ", minimumDigits: 1) }) { return true }
        let name = source.split(separator: "/").last.map(String.init) ?? source
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let fileLike = !lower.contains(where: \.isWhitespace) && lower.contains { $0 == "-" || $0 == "_" || $0.isNumber }
        return fileLike && lower == stem.lowercased()
    }

    /// `img_0042`: `prefix`, at most one separator, then at least `minimumDigits` digits.
    private static func startsWithNumber(_ text: String, after prefix: String, separators: String, minimumDigits: Int) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        var rest = text.dropFirst(prefix.count)
        if let first = rest.first, separators.contains(first) { rest = rest.dropFirst() }
        return rest.prefix { $0.isASCII && $0.isNumber }.count >= minimumDigits
    }

    // MARK: Words for "image"

    /// Words that only say there is an image, by language. Small on purpose: each one, on its
    /// own, tells a listener nothing they did not know.
    static let wordsForImage = LocalPhrases([
        "en": ["image", "picture", "photo", "photograph", "graphic", "logo", "icon", "img", "pic", "screenshot", "banner"],
        "pl": ["obraz", "obrazek", "zdjęcie", "fotografia", "grafika", "logo", "ikona"],
        "ro": ["imagine", "poză", "fotografie", "grafică", "logo", "siglă", "pictogramă"],
        "sq": ["imazh", "foto", "fotografi", "figurë", "grafikë", "logo", "ikonë"],
        "vi": ["hình ảnh", "ảnh", "hình", "hình minh họa", "logo", "biểu tượng"],
        "lt": ["paveikslėlis", "nuotrauka", "vaizdas", "grafika", "logotipas", "piktograma"],
        "ar": ["صورة", "شعار", "رسم", "أيقونة"],
    ])

    /// "photo", "Image 2", "Zdjęcie." — a word for image, perhaps numbered.
    static func isOnlyAWordForImage(_ alt: String, context: PageContext) -> Bool {
        var words = PhraseKey.of(alt).split(separator: " ")
        if words.count > 1, words.last?.allSatisfy(\.isNumber) == true { words.removeLast() }
        return wordsForImage.matches(words.joined(separator: " "), language: context.language)
    }
}
