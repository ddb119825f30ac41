import Foundation

@testable import Domain
@testable import Store

// A small case kind for the sync tests (the real case kinds live on other branches): a probe is
// opened for an organisation, may be noted, extended, reassigned and concluded; after the
// conclusion only notes apply, so concurrent edits on two nodes produce conflicts.

extension EventType {
  static let probeOpened: EventType = "probe.opened"
  static let probeNoted: EventType = "probe.noted"
  static let probeExtended: EventType = "probe.extended"
  static let probeAssigned: EventType = "probe.assigned"
  static let probeConcluded: EventType = "probe.concluded"
}

struct ProbeOpened: Codable, Equatable {
  var org: String
  var title: String
  var limitDays: Int
  var received: CivilDate
}

struct ProbeDays: Codable, Equatable { var days: Int }
struct ProbeOrg: Codable, Equatable { var org: String }
struct ProbeNote: Codable, Equatable { var text: String }

struct ProbeState: Codable, Equatable, Sendable {
  var org: String
  var orgs: [String]
  var title: String
  var concluded: Bool
  var limitDays: Int
  var received: CivilDate
  var notes: Int
}

enum ProbeReducer: StreamReducer {
  typealias State = ProbeState
  static let streamKind = "probe"

  static func apply(_ state: ProbeState?, _ event: Event, _ context: FoldContext) -> Result<
    ProbeState, Refusal
  > {
    do {
      if event.type == .probeOpened {
        guard state == nil else { return .failure(Refusal("案件已存在")) }
        let o = try event.decode(ProbeOpened.self)
        return .success(
          ProbeState(
            org: o.org, orgs: [o.org], title: o.title, concluded: false, limitDays: o.limitDays,
            received: o.received, notes: 0))
      }
      guard var s = state else { return .failure(Refusal("案件不存在")) }
      if event.type == .probeNoted {
        s.notes += 1
        return .success(s)
      }
      guard !s.concluded else { return .failure(Refusal("案件已办结,不能再变更")) }
      switch event.type {
      case .probeExtended: s.limitDays += try event.decode(ProbeDays.self).days
      case .probeAssigned:
        s.org = try event.decode(ProbeOrg.self).org
        if !s.orgs.contains(s.org) { s.orgs.append(s.org) }
      case .probeConcluded: s.concluded = true
      default: return .failure(Refusal("未知事件 \(event.type)"))
      }
      return .success(s)
    } catch {
      return .failure(Refusal("事件内容无法解析"))
    }
  }
}

struct ProbeProjector: FoldingProjector {
  typealias Reducer = ProbeReducer
  var tables: [String] { ["probe"] }

  static let createTable = """
    CREATE TABLE IF NOT EXISTS probe (
      stream TEXT PRIMARY KEY, org TEXT NOT NULL, title TEXT NOT NULL,
      concluded INTEGER NOT NULL, limit_days INTEGER NOT NULL, notes INTEGER NOT NULL
    ) WITHOUT ROWID
    """

  func write(_ state: ProbeState?, stream: String, in c: ProjectionContext) throws {
    do {
      try c.db.run("DELETE FROM probe WHERE stream = ?", [stream])
    } catch let e as DatabaseError where e.message.hasPrefix("no such table") {
      // A township's table is made on its first probe (its database was created by the import).
      try c.db.execute(Self.createTable)
    }
    guard let s = state else {
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      return
    }
    try c.db.run(
      "INSERT INTO probe (stream, org, title, concluded, limit_days, notes) VALUES (?, ?, ?, ?, ?, ?)",
      [stream, s.org, s.title, s.concluded, s.limitDays, s.notes])
    try StreamScope.replace(stream: stream, organisations: Set(s.orgs), in: c)
    let due = c.calendar.deadline(receivedAt: s.received, workingDays: s.limitDays)
    try DeadlineIndex.replace(
      stream: stream,
      with: s.concluded
        ? []
        : [
          OpenDeadline(
            kind: "probe", caseID: String(splitStream(stream).id), organisation: s.org,
            title: s.title, state: "办理中", start: s.received, limitDays: s.limitDays, due: due)
        ], in: c)
  }
}
