/// 一件事进度 — a package's status, deadline and slowest member, read from its members' cases
/// (第十九条: 统一反馈). Nothing here is stored: a step on any member changes it.
public struct PackageProgress: Equatable, Sendable {
  /// One member as the package view shows it.
  public struct Member: Equatable, Sendable {
    public var member: PackageMember
    /// The member's case; nil when this node does not hold it (a township holds only its own
    /// organisations' sub-cases).
    public var application: Application?
    /// 办结期限 of the member (its own promise from acceptance, clock stops and extension
    /// included); nil before acceptance or when the case is not held.
    public var due: CivilDate?
    /// Open (still to be worked).
    public var isOpen: Bool
    /// The day it left the open queues.
    public var closedOn: CivilDate?

    /// `审查中`, `已办结` …, or `本节点无此办件`.
    public var statusText: String { application?.statusText ?? "本节点无此办件" }
  }

  public var package: PackageCase
  public var members: [Member]
  /// The package's own promise, counted from acceptance.
  public var promisedDue: CivilDate
  /// The slowest member's 办结期限 (nil when no member's is known).
  public var longestDue: CivilDate?
  /// Position in `members` of the slowest: the open member due last, or (all concluded) the one
  /// concluded last.
  public var slowest: Int?

  /// - Parameter applications: the members' cases this node holds, by case number.
  public init(
    _ package: PackageCase, applications: [String: Application], calendar: WorkCalendar
  ) {
    self.package = package
    members = package.members.map { m in
      let a = applications[m.caseID]
      return Member(
        member: m, application: a, due: a?.mainDue(calendar), isOpen: a?.status.isOpen ?? true,
        closedOn: a?.closedOn)
    }
    promisedDue = package.promisedDue(calendar)
    longestDue = members.compactMap(\.due).max()
    let open = members.indices.filter { members[$0].isOpen }
    if !open.isEmpty {
      // Due last among the open ones; one with no deadline known yet counts as slowest.
      // Ties go to the first listed.
      let unknown = Int.max
      slowest = open.max { a, b in
        (members[a].due?.dayNumber ?? unknown, -a) < (members[b].due?.dayNumber ?? unknown, -b)
      }
    } else {
      slowest = members.indices.max { a, b in
        (members[a].closedOn?.dayNumber ?? .min, -a) < (members[b].closedOn?.dayNumber ?? .min, -b)
      }
    }
  }

  /// 一件事办结期限 — the slowest member's, or the package's own promise when that is shorter
  /// (as the catalog says).
  public var due: CivilDate { longestDue.map { min($0, promisedDue) } ?? promisedDue }

  /// Every member concluded (or otherwise closed): the package is concluded.
  public var isConcluded: Bool { members.allSatisfy { !$0.isOpen } }

  /// The day the last member was closed, once the package is concluded.
  public var concludedOn: CivilDate? {
    isConcluded ? members.compactMap(\.closedOn).max() : nil
  }

  /// Members closed so far.
  public var closedCount: Int { members.filter { !$0.isOpen }.count }

  /// `办理中(已办结 1/4)` or `已办结`.
  public var statusText: String {
    isConcluded ? "已办结" : "办理中(已办结 \(closedCount)/\(members.count))"
  }
}
