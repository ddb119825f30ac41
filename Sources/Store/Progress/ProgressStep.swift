/// How far a long job has got: the phase a person sees (`重建数据视图`) and units done of all.
///
/// Every job a person waits for (rebuild, migration, sync, backup and restore, audit, catalog
/// import, statistics) reports through one `ProgressReporter`; the command line and the
/// workstation each draw it their own way, and throttle it, so a job may report as often as it
/// likes.
public struct ProgressStep: Equatable, Sendable {
  public var title: String
  public var done: Int
  public var total: Int

  public init(_ title: String, done: Int, total: Int) {
    self.title = title
    self.done = done
    self.total = total
  }

  /// Whole percent, 0…100 (a job with nothing to do is complete).
  public var percent: Int {
    guard total > 0 else { return 100 }
    return min(100, max(0, done * 100 / total))
  }
}

/// Called now and then by a long job with where it stands.
public typealias ProgressReporter = (ProgressStep) -> Void
