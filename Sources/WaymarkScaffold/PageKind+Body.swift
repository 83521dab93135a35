extension PageKind {
    /// Guidance for the editor, written as the page's first text so it shows in the preview.
    var body: String {
        switch self {
        case .page:
            """
            Write the page here. Start with what the reader most needs to know. Keep sentences short, and use everyday words.

            ## A heading for each part

            Give each part of the page a heading that says what it is about. To link to another page, write its file name, like this: `[report a concern](report.md)`.

            """
        case .pathway:
            """
            Say who this pathway is for. Say what to do first if someone is in danger right now. To show a number from `_data/contacts.yaml`, write its id in braces, such as `{{contact emergency}}`.

            ## The first step

            **Who acts:** say who does this step.

            1. Write each action as a numbered point.
            2. Keep to one action in each point.

            ## The next step

            **Who acts:** say who does this step.

            ### If the answer is yes

            Use a heading like this one for each choice inside a step.

            ### If the answer is no

            Say what to do instead.

            """
        case .checklist:
            """
            Say what this list is for. One sign on its own does not prove anything. The more signs there are, the more likely it is that something is wrong.

            ## A group of signs

            - [ ] Write one sign on each line
            - [ ] Start each line with the box, like these

            ## Another group of signs

            - [ ] Readers can tick the signs they see
            - [ ] Nothing they tick is saved or sent

            """
        case .flyer:
            """
            Say what the flyer is about in one or two short sentences. A flyer prints on one sheet of A4 paper, so keep it short.

            ## Look for the signs

            - write a few signs
            - keep each one short

            ## Who to call

            Say who to call, and when. Put each number on a line of its own, such as `{{contact emergency}}`. The numbers come from `_data/contacts.yaml`.

            """
        }
    }
}
