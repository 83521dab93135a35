import Dispatch
import WaymarkCore
import WaymarkSearch

/// Merges each rendered batch's search analysis into its language's index on a thread of its
/// own, in the order the batches came, while the next batch renders: merging is serial, and
/// done between batches it left a core idle.
final class SearchIndexMerger: @unchecked Sendable {
    private let queue = DispatchQueue(label: "waymark.search-index-merge")
    // Touched only on `queue`.
    private var builders: [LanguageTag: SearchIndexBuilder] = [:]

    /// Queues `documents` to be added, after every batch queued before.
    func add(_ documents: [(language: LanguageTag, document: AnalysedDocument)]) {
        queue.async {
            for item in documents { self.builders[item.language, default: SearchIndexBuilder()].add(item.document) }
        }
    }

    /// Every language's builder, once all queued batches are merged.
    func finish() -> [LanguageTag: SearchIndexBuilder] {
        queue.sync { builders }
    }
}
