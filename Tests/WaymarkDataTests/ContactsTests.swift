import Testing
import WaymarkCore
import WaymarkData

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("08000 121 700", "tel:+448000121700"), ("0800 555 111", "tel:+44800555111"), ("0800 808 3733", "tel:+448008083733"),
        ("0800 432 0804", "tel:+448004320804"), ("999", "tel:999"), ("101", "tel:101"), ("01482 123456", "tel:+441482123456"),
        ("+44 20 7946 0018", "tel:+442079460018"), ("18001 101", "tel:18001101"),
    ])
    func validNumbers(text: String, tel: String) throws {
        let number = try #require(PhoneNumber(text))
        #expect(number.telURI == tel)
        #expect(number.display == text)
    }

    @Test(arguments: ["0800 121 70", "12345", "0800-CALL-NOW", "08000 121 7000", "+33 1 23 45 67 89", "", "0044 800 121 700", "07700 90012"])
    func invalidNumbers(text: String) {
        #expect(PhoneNumber(text) == nil)
    }
}

@Suite struct ContactsLoaderTests {
    static let valid = """
    - id: helpline
      label: Modern Slavery & Exploitation Helpline
      number: 08000 121 700
      hours: 24 hours
      notes: [Confidential, Interpreters]
      group: advice
      when: You are worried about someone.
    - id: emergency
      label: Police emergency
      number: "999"
      emergency: true
      group: emergency
    """

    @Test func readsContacts() throws {
        let contacts = try ContactsLoader.parse(ContactsLoaderTests.valid, displayPath: "content/_data/contacts.yaml").get()
        #expect(contacts.map(\.id) == ["helpline", "emergency"])
        #expect(contacts[0].number.telURI == "tel:+448000121700")
        #expect(contacts[0].notes == ["Confidential", "Interpreters"])
        #expect(contacts[1].emergency)
        #expect(contacts[1].group == .emergency)
        #expect(contacts[1].location.line == 8)
    }

    private func problems(_ text: String) -> [String] {
        guard case .failure(let failure) = ContactsLoader.parse(text, displayPath: "content/_data/contacts.yaml") else { return [] }
        return failure.diagnostics.sorted.map(\.headline)
    }

    @Test func mistakesNameTheirLine() {
        #expect(problems("- id: helpline\n  label: Helpline\n  number: 0800 121 70\n  group: advice\n")
            == ["content/_data/contacts.yaml:3: error: '0800 121 70' is not a UK phone number"])
        #expect(problems("- id: helpline\n  label: Helpline\n  number: 08000 121 700\n  group: help\n")
            == ["content/_data/contacts.yaml:4: error: 'help' is not a contact group"])
        #expect(problems("- id: a\n  label: A\n  number: \"999\"\n  group: emergency\n- id: a\n  label: B\n  number: \"101\"\n  group: emergency\n")
            == ["content/_data/contacts.yaml:5: error: there are two contacts with the id 'a'"])
        #expect(problems("- id: a\n  label: A\n  number: 08000 121 700\n  tel: tel:+44800121700\n  group: advice\n")
            == ["content/_data/contacts.yaml:4: error: 'tel' is 'tel:+44800121700', but the number 08000 121 700 calls tel:+448000121700"])
        #expect(problems("- id: a\n  label: A\n  numbr: \"999\"\n  group: emergency\n")
            == ["content/_data/contacts.yaml:1: error: 'number' is missing", "content/_data/contacts.yaml:3: error: contact field 'numbr' is not known"])
    }
}
