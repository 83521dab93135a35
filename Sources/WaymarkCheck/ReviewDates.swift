import WaymarkContent
import WaymarkCore
import WaymarkData
import WaymarkSite

/// Stale safety information: pages past their `review_by:` date and contacts whose number was
/// last `checked:` too long ago. A wrong phone number on a page is a safety defect, and the
/// only defence is someone ringing it regularly.
enum ReviewDates {
    static let reviewDue = RuleInfo(id: "review-due", title: "pages past their review date")
    static let contactChecked = RuleInfo(id: "contact-checked", title: "contact numbers not re-checked recently",
                                         options: ["months": .number])
    static let rules = [reviewDue, contactChecked]

    /// Contacts are re-checked once a year unless the site says otherwise.
    static let defaultMonths = 12.0

    /// What is overdue or falls due within `window` days of `today`, and a warning for each
    /// overdue one.
    static func check(site: Site, today: CalendarDate, window: Int, contactOptions: RuleOptions) -> (items: [ReviewItem], problems: [Diagnostic]) {
        var items: [ReviewItem] = []
        var problems: [Diagnostic] = []
        let horizon = today.adding(days: window)
        for page in site.pages where !page.isGenerated {
            guard let due = page.frontMatter.reviewBy else { continue }
            let location = page.frontMatter.locations["review_by"] ?? SourceLocation(file: page.displayPath, line: 1)
            guard due <= horizon else { continue }
            let overdue = due < today
            items.append(ReviewItem(kind: .page, name: page.title, location: location, owner: page.frontMatter.owner, due: due, isOverdue: overdue))
            if overdue {
                problems.append(.finding(reviewDue, location, "this page was due for review on \(due.iso)\(ownerClause(page.frontMatter.owner))",
                                         help: "check every number, name and step on the page against its source, then set 'review_by:' to the next date"))
            }
        }
        let months = Int(contactOptions.number("months", default: defaultMonths))
        for contact in site.contacts {
            guard let checked = contact.checked else {
                problems.append(.finding(contactChecked, contact.location, "the number for '\(contact.label)' has no 'checked:' date",
                                         help: "ring or verify \(contact.number.display), then add 'checked: \(today.iso)' to this contact"))
                continue
            }
            let due = checked.adding(months: months)
            guard due <= horizon else { continue }
            let overdue = due < today
            let location = contact.checkedLocation ?? contact.location
            items.append(ReviewItem(kind: .contact, name: contact.label, location: location, owner: contact.owner, due: due, isOverdue: overdue))
            if overdue {
                problems.append(.finding(contactChecked, location,
                                         "the number for '\(contact.label)' was last checked on \(checked.iso), more than \(counted(months, "month")) ago\(ownerClause(contact.owner))",
                                         help: "ring or verify \(contact.number.display), then set 'checked:' to the day you did"))
            }
        }
        return (items.sorted { ($0.due, $0.location) < ($1.due, $1.location) }, problems)
    }

    private static func ownerClause(_ owner: String?) -> String {
        owner.map { " (owner: \($0))" } ?? "; no 'owner:' is named to check it"
    }
}

/// `1 month`, `12 months`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
