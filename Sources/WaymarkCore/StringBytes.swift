extension String {
    /// Whether any byte of the text's UTF-8 satisfies `predicate`, scanned as one contiguous buffer:
    /// going through `utf8` byte by byte costs many times more, and callers ask this of every piece
    /// of text a build writes (escaping HTML and JSON).
    public func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { $0.contains(where: predicate) }
    }
}
