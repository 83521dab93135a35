/// Writing values into the YAML files Waymark reads.
enum YAMLText {
    /// `text` as a double-quoted YAML scalar, so a colon, `#` or leading symbol in a title stays text.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            default:
                // Control characters cannot appear raw in a YAML string.
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\x" + hex(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// `text` as a plain scalar when that reads the same, else quoted.
    static func scalar(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || " -'.,()&".unicodeScalars.contains($0) }
        let safe = plain && !text.isEmpty && text.first?.isLetter == true && text.last != " "
            && !["true", "false", "yes", "no", "on", "off", "null"].contains(text.lowercased())
        return safe ? text : quoted(text)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
