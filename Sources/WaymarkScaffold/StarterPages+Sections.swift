import WaymarkContent

extension StarterPages {
    /// The sections: pathways, flyers, the strategy, about us with the directory, and news.
    static func sectionPages(today: CalendarDate) -> [Page] {
        let review = reviewDate(today).iso, day = today.iso
        return [
            ("pathways/index.md", """
                ---
                title: Referral pathways
                summary: What to do if you meet someone at work who may be a victim of modern slavery.
                weight: 40
                ---

                These pages are for staff of partner organisations. If you are a member of the public, go to [report a concern](../report.md) instead.

                Write one pathway for adults and one for children. Each pathway is a page with `layout: pathway`. To start a new one, run `waymark new pathway pathways/children.md`.

                ## Who can refer to the National Referral Mechanism

                Only staff of First Responder Organisations can refer someone to the National Referral Mechanism (NRM). These include the police, councils and some charities. Everyone else should speak to their safeguarding lead, or call the Modern Slavery & Exploitation Helpline on {{contact helpline}}.

                """),
            ("pathways/adults.md", """
                ---
                title: Referral pathway for adults
                summary: The steps to follow when an adult you meet through your work may be a victim of modern slavery.
                weight: 10
                layout: pathway
                review_by: \(review)
                owner: Partnership coordinator
                ---

                Follow these steps if you think someone aged 18 or over is a victim of modern slavery. Check each step with your local safeguarding teams before you publish it. Rules and forms change, so check the official guidance on GOV.UK too.

                ## Make sure the person is safe

                **Who acts:** the person who has the concern.

                1. If anyone is in danger right now, call {{contact emergency}}.
                2. Tell your safeguarding lead.
                3. Deal with urgent needs, such as medical care or a safe place to stay.

                ## Ask for consent

                **Who acts:** a First Responder.

                1. Explain what the National Referral Mechanism (NRM) is and what support it offers.
                2. Ask if the person agrees to be referred.

                ### If the adult agrees

                Make an NRM referral.

                ### If the adult does not agree

                Do not make an NRM referral. Public bodies must still tell the Home Office, without the person's name. This is the Duty to Notify. Never do both for the same person.

                ## Record what you did

                **Who acts:** the person who made the referral.

                1. Write down what you did and when.
                2. Tell your safeguarding lead.

                """),
            ("flyers/index.md", """
                ---
                title: Flyers
                summary: Flyers you can print and put up to help people spot and report modern slavery.
                weight: 50
                ---

                Each flyer is a web page that prints on one sheet of A4 paper. List your flyers here, with a sentence about who each one is for.

                - [Modern slavery: know the signs](general-public.md), a flyer for the public.

                """),
            ("flyers/general-public.md", """
                ---
                title: "Modern slavery: know the signs"
                summary: A one-page flyer for the public about the signs of modern slavery and who to call.
                weight: 10
                layout: flyer
                review_by: \(review)
                owner: Partnership coordinator
                # To offer printed versions, put the PDF files beside this page and list them:
                # downloads:
                #   - file: files/general-public.pdf
                #     language: en
                #     title: information flyer
                ---

                Modern slavery happens near you. People are forced to work for little or no pay. They may be in car washes, nail bars, farms, factories or homes.

                ## Look for the signs

                - injuries, or looking tired and scared
                - someone else speaks for them
                - living in a crowded house, or where they work
                - no passport or ID of their own
                - not free to come and go

                One sign on its own does not prove anything. You do not need to be sure.

                ## Who to call

                If someone is in danger right now:

                {{contact emergency}}

                For advice, or to say what you saw:

                {{contact helpline}}

                To tell someone without giving your name, call Crimestoppers on {{contact crimestoppers}}.

                """),
            ("strategy/index.md", """
                ---
                title: Our strategy
                summary: Our priorities for tackling modern slavery, and how we check our progress.
                weight: 30
                layout: strategy
                ---

                Say in two or three sentences what this strategy is for and which years it covers.

                ## Why we need a strategy

                Explain the problem in your area. Use facts you can check, and say where each one comes from.

                ## Our priorities

                Give each priority its own heading. Under each one, list what you will do.

                ### Priority 1: help victims find support

                We will:

                - write what you will do here, one point in each line
                - keep each point short

                ### Priority 2: stop the people who exploit others

                We will:

                - write what you will do here

                ## How we check progress

                Say who checks the work, how often, and where they report it.

                """),
            ("about/index.md", """
                ---
                title: About us
                summary: Who we are and how the partnership works.
                weight: 10
                ---

                Say who you are, when you began and where you work. Say who leads the group, and how to get in touch with you.

                Read about [our partners](partners.md) and [our plans](../strategy/index.md).

                """),
            ("about/partners.md", """
                ---
                title: Our partner organisations
                summary: The organisations that belong to the partnership.
                weight: 20
                layout: directory
                ---

                Say in a sentence or two what kinds of group belong to the partnership.

                The list below comes from the file `_data/partners.csv`. Edit it in a spreadsheet, then save it as CSV (UTF-8). The last three columns are for staff only. Waymark checks them, but never puts them on the site.

                """),
            ("news/index.md", """
                ---
                title: News
                summary: News from the partnership about events, training and our work.
                weight: 60
                ---

                The latest news from the partnership. The newest stories come first.

                """),
            ("news/\(day)-our-new-website.md", """
                ---
                title: Our new website
                summary: The partnership has a new website.
                date: \(day)
                ---

                Write each news story as a new page in this folder. Start its file name with the date, like this one. Give it a `date:` in its front matter, so that the newest story comes first.

                Make a new story with `waymark new page news/\(day)-story-name.md`.

                """),
        ]
    }
}
