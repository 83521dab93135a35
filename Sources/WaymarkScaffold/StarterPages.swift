import WaymarkContent

/// The starter pages of a new site: one of each layout, each with short guidance telling the
/// editor what to write, in plain English that passes `waymark check` as it is (a test builds
/// and checks it). The pages the public acts on read at an age of 9 or under.
enum StarterPages {
    /// A page: its path in `content/` and its text.
    typealias Page = (path: String, text: String)

    static func all(title: String, today: CalendarDate) -> [Page] {
        publicPages(title: title, today: today) + sectionPages(today: today)
    }

    /// Public pages are due for review six months after the site is made: the starter text
    /// should have been replaced by then.
    static func reviewDate(_ today: CalendarDate) -> CalendarDate { today.adding(months: 6) }

    /// The home page, the pages the public acts on, and the footer's pages.
    static func publicPages(title: String, today: CalendarDate) -> [Page] {
        let review = reviewDate(today).iso
        return [
            ("index.md", """
                ---
                title: \(YAMLText.scalar(title))
                summary: Partners working together to find and support victims of modern slavery.
                weight: 0
                ---

                Write a short welcome here. Say who you are and which places you cover. Two or three sentences is enough.

                ## If someone is in danger right now

                {{contact emergency}}

                If you are worried about someone but they are not in danger right now, you can [report a concern](report.md). You do not need to be sure.

                ## What we do

                Say in a few lines what the partnership does. Name the kinds of group that belong to it, such as the police, councils, the NHS and charities. Find out more [about us](about/index.md).

                ## Find out what to look for

                Learn how to [spot the signs of modern slavery](spot-the-signs.md).

                ## For professionals

                If you work for a partner, follow the [referral pathways](pathways/index.md).

                ## Keep yourself safe

                Read our advice on [staying safe online](staying-safe-online.md). To leave this site fast, use the Exit this page button, or press the Shift key 3 times.

                """),
            ("report.md", """
                ---
                title: Report a concern
                summary: Who to call if you are worried that someone is a victim of modern slavery.
                weight: 10
                layout: contacts
                review_by: \(review)
                owner: Partnership coordinator
                ---

                If someone is in danger right now, call {{contact emergency}}.

                You do not need to be sure that someone is a victim. Tell someone what you saw. They will decide what to do next. The numbers below say who to call, and when.

                Do not challenge anyone you think is in control of the victim. That could put the victim, or you, in danger.

                ## What to say when you call

                If you can, tell them:

                - where and when you saw the person
                - what they look like
                - what worried you, in your own words
                - the colour, make and number plate of any car or van

                Do not put yourself in danger to find out more.

                ## Check this page

                Ring every number on this page before you publish it. Add any local numbers to the contacts file. Then set a new review date.

                """),
            ("spot-the-signs.md", """
                ---
                title: Spot the signs of modern slavery
                summary: Signs that someone may be a victim of modern slavery, and what to do.
                weight: 20
                layout: checklist
                review_by: \(review)
                owner: Partnership coordinator
                ---

                Victims of modern slavery can be hard to spot. They may be scared. They may not know that they are victims.

                One sign on its own does not prove anything. The more signs you see, the more likely it is that something is wrong. You do not need to be sure to [report a concern](report.md).

                If someone is in danger right now, call {{contact emergency}}.

                ## How they look

                - [ ] Hurt, with injuries that have not been treated
                - [ ] Tired, thin or unwell
                - [ ] Wearing the same clothes every day

                ## Kept apart from others

                - [ ] Rarely on their own
                - [ ] Someone else speaks for them
                - [ ] Does not know their own address

                ## Where they live

                - [ ] Lives in a dirty or crowded house
                - [ ] Lives where they work

                ## What they own

                - [ ] Has very few things of their own
                - [ ] Someone else keeps their passport or ID

                ## Not free to come and go

                - [ ] Cannot leave when they want to
                - [ ] Someone else keeps their money or bank card
                - [ ] Owes a debt they can never pay back

                ## Odd times of travel

                - [ ] Picked up or dropped off very early or very late
                - [ ] Taken to work in a group, in the same car or van

                ## Afraid to ask for help

                - [ ] Scared of the police or other officials
                - [ ] Scared of what will happen to them or their family

                ## Extra signs in children

                - [ ] With an adult who is not family and seems to be in control
                - [ ] Often missing from home, care or school
                - [ ] Has money, phones or clothes they cannot explain

                """),
            ("staying-safe-online.md", """
                ---
                title: Staying safe online
                summary: How to leave this website quickly, and how to hide your visit.
                weight: 92
                review_by: \(review)
                owner: Partnership coordinator
                ---

                Someone may check your phone or computer. If you are worried about that, these steps can help.

                If you are in danger right now, call {{contact emergency}}.

                ## Leave this website quickly

                Select the Exit this page button at the top of each page. The page goes blank, and a weather website opens.

                You can also press the Shift key 3 times.

                The button does not clear your history. Someone could still see that you came to this website.

                ## Hide your visit

                - Use a private window, or a phone the other person cannot check.
                - When you have finished, delete this website from your history.
                - Do not delete all of your history if that would make someone suspicious.

                """),
            ("accessibility.md", """
                ---
                title: Accessibility statement
                summary: How accessible this website is, and how to tell us about a problem.
                weight: 90
                ---

                Public bodies must publish a statement like this one. Replace the words in brackets with your own, and check the statement once a year.

                This statement is for the [name of the partnership] website. We want as many people as possible to be able to use it. For example, you should be able to:

                - zoom in up to 400% and still read all of the text
                - use the whole website with just a keyboard
                - listen to the website with a screen reader

                ## How accessible this website is

                List anything you know is not fully accessible, such as a PDF without tags.

                ## How to tell us about a problem

                Say how people can reach you, such as by email, and how soon you will reply.

                ## Enforcement procedure

                The Equality and Human Rights Commission (EHRC) makes sure public bodies follow these rules. If you are not happy with how we answer a complaint, contact the [Equality Advisory and Support Service (EASS)](https://www.equalityadvisoryservice.com/).

                ## Compliance status

                This website aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2, at level AA. Say here if it fully meets them, and when you last tested it.

                """),
            ("privacy.md", """
                ---
                title: Privacy and cookies
                summary: What this website does and does not collect about you.
                weight: 91
                ---

                This website does not use cookies. It does not track you, and it does not ask other websites for anything when you visit it.

                Say who runs the website and who hosts it. Say what the host keeps a record of, such as the pages asked for and when, and for how long.

                ## Contact us about your data

                Say how people can contact you about their data.

                """),
        ]
    }
}
