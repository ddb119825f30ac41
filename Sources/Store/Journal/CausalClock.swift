import Domain
import Foundation

/// 因果时钟 — the hybrid logical clock that stamps this node's events.
///
/// An event's timestamp is the wall clock, unless an event this node already wrote or imported
/// is as late or later: then it is one millisecond after that event. The fold orders a stream by
/// (timestamp, origin, seq), so a step can never sort before what its author saw, whatever the
/// PC's clock says. The high-water mark lives in `causal_clock`, moved on in the same
/// transaction as the events that move it (local appends and imports).
///
/// What a clerk reads as a step's time is this timestamp: the wall time whenever the clock is
/// right, and otherwise the time of the latest event known plus a millisecond (at most
/// `startMargin` ahead of the wall clock, because a node further behind refuses to start).
public enum CausalClock {
  /// How far the wall clock may be behind the latest event before the node refuses to start:
  /// an hour's drift between a township PC and the district still works, a clock set back by
  /// a day or a year (a flat CMOS battery) does not silently stamp everything an hour ahead.
  public static let startMargin: Int64 = 2 * 3600 * 1000

  /// The latest timestamp this node has written or imported (0 on a new node).
  static func last(_ db: Connection) throws -> Int64 {
    try db.hot.fetchOne("SELECT last_ts FROM causal_clock WHERE id = 1") { $0.int64(0) } ?? 0
  }

  /// The timestamp of the next event: the wall clock, or just after the latest event known.
  static func next(wall: Int64, _ db: Connection) throws -> Int64 {
    max(wall, try last(db) + 1)
  }

  /// Moves the high-water mark on to `timestamp` (never back).
  static func advance(to timestamp: Int64, _ db: Connection) throws {
    try db.hot.run(
      """
      INSERT INTO causal_clock (id, last_ts) VALUES (1, ?)
      ON CONFLICT (id) DO UPDATE SET last_ts = max(last_ts, excluded.last_ts)
      """, [timestamp])
  }

  static func milliseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
  }

  static func date(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
  }
}

extension Store {
  /// The time a write made now is stamped with: the clock, or just after the latest event this
  /// node knows when the clock is behind it. Read inside the write transaction.
  func causalNow() throws -> Date {
    let wall = clock()
    if scriptedHistory { return wall }
    let stamp = try CausalClock.next(wall: CausalClock.milliseconds(wall), db)
    return stamp > CausalClock.milliseconds(wall) ? CausalClock.date(stamp) : wall
  }

  /// Why this node must not start with its clock as it is, in the clerk's words; nil when the
  /// clock is at most `CausalClock.startMargin` behind the latest event. Demo and training
  /// nodes are exempt: there `--now` moves the clock on purpose, and the stamps stay causal.
  /// - Parameter wall: the clock to judge, the store's own by default (`zwfw doctor` judges the
  ///   system clock itself, whatever `--now` says).
  public func clockProblem(at wall: Date? = nil) throws -> String? {
    guard !node.training else { return nil }
    let now = wall ?? clock()
    let last = try CausalClock.last(db)
    guard last - CausalClock.milliseconds(now) > CausalClock.startMargin else { return nil }
    let hours = CausalClock.startMargin / 3_600_000
    return "本机时钟为 \(zone.format(now)),比本节点最新记录的时间 "
      + "\(zone.format(CausalClock.date(last))) 早了 \(hours) 小时以上,不能启动。"
      + "请先校准系统时间(timedatectl 或 NTP)后再运行;若最新记录的时间本身有误,请联系区级管理员。"
  }

  /// The time of the latest event this node wrote or imported (nil on a new node).
  public func latestEventTime() throws -> Date? {
    let last = try CausalClock.last(db)
    return last > 0 ? CausalClock.date(last) : nil
  }

  /// The same check as a thrown refusal, for every start of a production node.
  public func checkClock() throws {
    if let problem = try clockProblem() { throw StoreError.invalid(problem) }
  }
}

extension Store {
  /// Moves the causal clock past the events an import brings (`latest` is the latest of their
  /// timestamps), so this node's next step sorts after them. A production node refuses events
  /// stamped more than `startMargin` ahead of its own clock: taking them would stamp every
  /// later step ahead too, and the next start would be refused.
  func advanceCausalClock(importing latest: Int64) throws {
    let wall = CausalClock.milliseconds(clock())
    if !node.training, latest - wall > CausalClock.startMargin {
      let hours = CausalClock.startMargin / 3_600_000
      throw Refusal(
        "同步文件中有时间为 \(zone.format(CausalClock.date(latest))) 的记录,比本机时钟 "
          + "\(zone.format(clock())) 晚 \(hours) 小时以上,未导入。请核对两端的系统时间后重新导出、导入。")
    }
    try CausalClock.advance(to: latest, db)
  }
}
