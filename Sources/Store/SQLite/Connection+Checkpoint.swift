import CSQLite

/// WAL checkpoints outside the commits of a clerk's steps.
///
/// By default SQLite checkpoints inside a commit: the commit that takes the WAL past 1000
/// frames copies them into the database file and fsyncs it before `COMMIT` returns, so about
/// one step in thirty waited for a second and third fsync on top of its own. With checkpoints
/// deferred, a commit only appends its frames and fsyncs the WAL (`synchronous = FULL`, the
/// step's durability unchanged: a committed frame in the WAL is as durable as a page in the
/// database), and the owner runs `checkpoint()` when nobody waits — the workstation after
/// the frame is drawn, when no key follows. A connection whose owner never gets to it still
/// checkpoints inside a commit once the WAL holds `walFrameCeiling` frames, so it stays bounded.
extension Connection {
  /// Frames after which a checkpoint is due (SQLite's own automatic threshold).
  public static let walFrameThreshold = 1000
  /// Frames after which a commit checkpoints itself even when deferring (about 64 MB).
  public static let walFrameCeiling = 16_000

  /// Stops SQLite checkpointing inside commits on this connection; `checkpointDue` and
  /// `checkpoint()` take over (the automatic checkpoint is this same hook, replaced).
  public func deferCheckpoints() {
    walFrames = 0
    sqlite3_wal_hook(handle, walHook, Unmanaged.passUnretained(self).toOpaque())
  }

  /// Gives checkpoints back to SQLite's automatic one, inside the commit that crosses the
  /// threshold (a connection's default).
  public func checkpointInCommits() {
    walFrames = nil
    sqlite3_wal_autocheckpoint(handle, Int32(Self.walFrameThreshold))
  }

  /// Whether checkpoints are deferred and the WAL has grown past the threshold since the last.
  public var checkpointDue: Bool { (walFrames ?? 0) >= Self.walFrameThreshold }

  /// Copies the WAL's committed frames into the database without waiting for readers or
  /// writers (`PASSIVE`); a later writer then starts the WAL from its beginning. Not due
  /// again before the next commit, even when a reader kept some frames from being copied.
  /// - Returns: frames copied.
  @discardableResult
  public func checkpoint() throws(DatabaseError) -> Int {
    var log: Int32 = 0
    var copied: Int32 = 0
    let rc = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &copied)
    guard rc == SQLITE_OK else { throw error(rc, sql: "wal_checkpoint(PASSIVE)") }
    if walFrames != nil { walFrames = 0 }
    return Int(copied)
  }
}

/// Called by SQLite after each commit with the WAL's frame count: remembers it, and
/// checkpoints only past the ceiling.
private let walHook:
  @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 =
    { context, db, schema, frames in
      guard let context else { return SQLITE_OK }
      let connection = Unmanaged<Connection>.fromOpaque(context).takeUnretainedValue()
      connection.walFrames = Int(frames)
      if Int(frames) >= Connection.walFrameCeiling {
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        connection.walFrames = 0
      }
      return SQLITE_OK
    }
