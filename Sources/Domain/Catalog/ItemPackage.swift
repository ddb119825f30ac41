/// 一件事 (第十九条: 主题式、套餐式服务) — a catalog entry that packages items of several
/// organisations: registered once at the counter, one applicant and one checklist, a sub-case per
/// member to its own organisation.
///
/// Kept as an optional element of `CatalogItem` (key `package`, left out of every item that is
/// not a package, so items recorded before keep their bytes): a package is drafted, reviewed,
/// tested and versioned by the catalog's change path like any item. Its own `materials` are the
/// package's 统一表单; its `promisedDays` is its own promise, which binds when shorter than the
/// slowest member's.
public struct ItemPackage: Codable, Equatable, Sendable {
  /// 成员事项 — item codes, in the order the notice and the view list them.
  public var members: [String]
  /// 共享材料 — names of materials several members ask for: received once, counted for each.
  public var sharedMaterials: [String]

  public init(members: [String], sharedMaterials: [String] = []) {
    self.members = members
    self.sharedMaterials = sharedMaterials
  }

  public static let memberRange = 2...12
}

extension CatalogItem {
  /// A 一件事 entry (it has members) rather than an item of one organisation.
  public var isPackage: Bool { package != nil }

  /// `一件事` for a package, the item type otherwise: what lists show in the type column.
  public var kindTitle: String { isPackage ? "一件事" : type.title }

  /// The package's own elements that need nothing but the entry itself: two to twelve members,
  /// none twice nor the package itself, shared materials named once, a promise of at least a day.
  func packageProblems() -> [CatalogProblem] {
    guard let package else { return [] }
    let r = ItemPackage.memberRange
    guard r.contains(package.members.count) else {
      return [CatalogProblem(.package, "应有\(r.lowerBound)至\(r.upperBound)个成员事项")]
    }
    var seen = Set<String>()
    for m in package.members {
      if m == code { return [CatalogProblem(.package, "不能以一件事本身(\(m))为成员")] }
      if let p = Self.checkCode(m) { return [CatalogProblem(.package, "成员「\(m)」编码\(p)")] }
      if !seen.insert(m).inserted { return [CatalogProblem(.package, "成员「\(m)」重复")] }
    }
    var names = Set<String>()
    for s in package.sharedMaterials {
      if let p = FieldText.check(s, field: "共享材料", required: true, maxLength: 80) {
        return [CatalogProblem(.package, p.message)]
      }
      if !names.insert(s).inserted { return [CatalogProblem(.package, "共享材料「\(s)」重复")] }
    }
    if promisedDays < 1 {
      return [CatalogProblem(.promisedDays, "一件事的承诺时限至少为1个工作日")]
    }
    return []
  }

  /// The package against the catalog as it stands: every member an item in use of its own
  /// organisation (no package in a package), at least two organisations, each shared material
  /// asked for by at least two of the entry and its members, and the entry itself the centre's
  /// (a package spanning several organisations is the district centre's catalog to keep).
  ///
  /// - Parameters:
  ///   - members: the members' versions in effect, by code (a code missing is not in the catalog).
  ///   - centre: the organisations of the centre.
  public func packageProblems(members: [String: CatalogItem], centre: Set<String>)
    -> [CatalogProblem]
  {
    guard let package else { return [] }
    var orgs = Set<String>()
    for code in package.members {
      guard let m = members[code] else {
        return [CatalogProblem(.package, "成员事项「\(code)」不在事项库中")]
      }
      if m.isPackage { return [CatalogProblem(.package, "成员「\(m.name)」本身是一件事,不能嵌套")] }
      if m.status != .active {
        return [CatalogProblem(.package, "成员「\(m.name)」当前为「\(m.status.title)」,只有在用事项可以组成一件事")]
      }
      orgs.insert(m.organisation)
    }
    if orgs.count < 2 {
      return [CatalogProblem(.package, "成员事项应属于至少两个单位(跨部门的事项才组成一件事)")]
    }
    if !centre.isEmpty, !centre.contains(organisation) {
      return [CatalogProblem(.organisation, "一件事涉及多个单位,实施主体应为政务服务中心")]
    }
    for s in package.sharedMaterials {
      let askers =
        package.members.filter { code in
          members[code]?.materials.contains { $0.name == s } ?? false
        }.count + (materials.contains { $0.name == s } ? 1 : 0)
      if askers < 2 {
        return [CatalogProblem(.package, "共享材料「\(s)」应是至少两个成员都要求的材料")]
      }
    }
    return []
  }
}
