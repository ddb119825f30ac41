/// The workstation's steps commit without checkpointing the WAL; it checkpoints when idle.
extension Store {
  /// A clerk's step then waits only for its own commit (`Connection.deferCheckpoints`).
  public func deferCheckpoints() { db.deferCheckpoints() }

  /// Whether the WAL has grown enough since the last checkpoint to copy it now.
  public var checkpointDue: Bool { db.checkpointDue }

  /// Checkpoints if due: called when no clerk waits (after the frame, no key pending).
  /// A checkpoint that cannot run now (another process is checkpointing, a disk error) loses
  /// nothing: the frames stay in the WAL, durable, and are copied at a later pause; a disk
  /// error shows at the next commit, where the clerk is told.
  /// - Returns: whether a checkpoint ran.
  @discardableResult
  public func checkpointIfDue() -> Bool {
    guard db.checkpointDue else { return false }
    return (try? db.checkpoint()) != nil
  }
}
