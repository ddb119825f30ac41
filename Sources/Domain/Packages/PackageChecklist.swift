/// 一件事材料清单 — the union of a package's materials: the package's own (its 统一表单) and each
/// member's, a shared material once (第十九条: 精简材料). The clerk checks the union; each member's
/// checklist is read back from it, so a shared material received once counts for every member
/// that asks for it.
public struct PackageChecklist: Equatable, Sendable {
  /// One line of the union: the requirement as shown and whom it serves.
  public struct Line: Equatable, Sendable {
    public var requirement: MaterialRequirement
    /// Member positions that ask for it (empty: the package's own material).
    public var members: [Int]
    public var isShared: Bool { members.count > 1 }
  }

  public private(set) var lines: [Line] = []
  /// For each member, for each of its materials, the line it is read from.
  public private(set) var memberLines: [[Int]] = []

  /// - Parameters:
  ///   - own: the package's own materials (统一表单), asked once of the applicant.
  ///   - members: each member's materials, in member order, with the member's name for the
  ///     note of a line it shares.
  ///   - shared: the names the catalog says the members share.
  public init(
    own: [MaterialRequirement], members: [(name: String, materials: [MaterialRequirement])],
    shared: [String]
  ) {
    let sharedNames = Set(shared)
    lines = own.map { Line(requirement: $0, members: []) }
    var byName: [String: Int] = [:]
    for (i, r) in own.enumerated() where sharedNames.contains(r.name) { byName[r.name] = i }
    for (m, member) in members.enumerated() {
      var mine: [Int] = []
      for r in member.materials {
        if sharedNames.contains(r.name), let at = byName[r.name] {
          // Asked once: the strictest of the askers (required by any, the most copies).
          lines[at].members.append(m)
          lines[at].requirement.required = lines[at].requirement.required || r.required
          lines[at].requirement.copies = max(lines[at].requirement.copies, r.copies)
          lines[at].requirement.shareable = lines[at].requirement.shareable && r.shareable
          mine.append(at)
          continue
        }
        if sharedNames.contains(r.name) { byName[r.name] = lines.count }
        mine.append(lines.count)
        lines.append(Line(requirement: r, members: [m]))
      }
      memberLines.append(mine)
    }
    // A shared line says whom it serves, so the clerk knows why it is asked once.
    for i in lines.indices where lines[i].isShared {
      let names = lines[i].members.map { members[$0].name }.joined(separator: "、")
      let note = "共用:\(names)"
      lines[i].requirement.note =
        lines[i].requirement.note.isEmpty ? note : "\(lines[i].requirement.note);\(note)"
    }
  }

  /// The requirements the counter form shows, one per line.
  public var requirements: [MaterialRequirement] { lines.map(\.requirement) }

  /// Member `m`'s checklist read from the statuses of the union's lines.
  public func statuses(ofMember m: Int, from lineStatuses: [MaterialStatus]) -> [MaterialStatus] {
    memberLines[m].map { lineStatuses.indices.contains($0) ? lineStatuses[$0] : .missing }
  }

  /// The required lines not in hand (缺 or 有误), by name: why the package cannot be accepted.
  public func unsatisfied(_ lineStatuses: [MaterialStatus]) -> [String] {
    lines.indices.filter { i in
      lines[i].requirement.required
        && !(lineStatuses.indices.contains(i) && lineStatuses[i].isSatisfied)
    }.map { lines[$0].requirement.name }
  }
}
