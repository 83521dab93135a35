import Dispatch

/// Runs the preview server's tasks on a thread of its own.
///
/// Swift's shared pool of threads has one per core; a rebuild of a large site, or any other
/// synchronous work on those threads, would otherwise stall every request and the live-reload
/// channel until it finished. Child tasks (each connection) and default actors (``PreviewHub``)
/// follow a task's executor preference, so everything the server does runs here.
final class PreviewExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "waymark.preview-server")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
