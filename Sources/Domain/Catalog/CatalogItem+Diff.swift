/// 版本差异 — one element that differs between two versions of an item, in words.
public struct CatalogDifference: Equatable, Sendable {
  public let field: CatalogField
  /// What it said before (empty for an element that was blank).
  public let old: String
  /// What it says now.
  public let new: String
  /// For materials: one line per added, removed or changed material.
  public let details: [String]
}

extension CatalogItem {
  /// What changed from `old` to this version, element by element, in form order.
  public func differences(from old: CatalogItem) -> [CatalogDifference] {
    var out: [CatalogDifference] = []
    func add(_ f: CatalogField, _ a: String, _ b: String) {
      if a != b { out.append(CatalogDifference(field: f, old: a, new: b, details: [])) }
    }
    add(.code, old.code, code)
    add(.name, old.name, name)
    add(
      .aliases, (old.aliases ?? []).joined(separator: "、"), (aliases ?? []).joined(separator: "、"))
    add(.type, old.type.title, type.title)
    add(.organisation, old.organisation, organisation)
    add(.legalBasis, old.legalBasis, legalBasis)
    add(.conditions, old.conditions, conditions)
    let materialLines = Self.materialChanges(from: old.materials, to: materials)
    if !materialLines.isEmpty {
      out.append(
        CatalogDifference(
          field: .materials, old: "\(old.materials.count)项", new: "\(materials.count)项",
          details: materialLines))
    }
    add(.intermediaries, old.intermediaries, intermediaries)
    add(.steps, old.steps, steps)
    add(.legalDays, Self.limitText(old.legalDays), Self.limitText(legalDays))
    add(.promisedDays, Self.limitText(old.promisedDays), Self.limitText(promisedDays))
    add(.fee, old.fee, fee)
    add(.result, old.result, result)
    add(.place, old.place, place)
    add(.hours, old.hours, hours)
    add(.phone, old.phone, phone)
    add(.fullyOnline, old.isFullyOnline ? "是" : "否", isFullyOnline ? "是" : "否")
    add(.status, old.status.title, status.title)
    let nationalLines = national.map { $0.changes(from: old.national) } ?? []
    if !nationalLines.isEmpty {
      out.append(
        CatalogDifference(
          field: .national, old: "", new: "\(nationalLines.count)项", details: nationalLines))
    } else if old.national != nil, national == nil {
      out.append(CatalogDifference(field: .national, old: "已填写", new: "未填写", details: []))
    }
    return out
  }

  /// Materials matched by name: `新增「…」`, `删除「…」`, `修改「…」: 原件 1份 必要 -> 复印件 …`, and a
  /// note when only the order changed.
  static func materialChanges(from old: [Material], to new: [Material]) -> [String] {
    var lines: [String] = []
    let oldByName = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let newNames = Set(new.map(\.name))
    for m in old where !newNames.contains(m.name) {
      lines.append("删除「\(m.name)」")
    }
    for m in new {
      guard let before = oldByName[m.name] else {
        lines.append("新增「\(m.name)」\(m.summary)")
        continue
      }
      if before != m { lines.append("修改「\(m.name)」: \(before.summary) 改为 \(m.summary)") }
    }
    if lines.isEmpty, old.map(\.name) != new.map(\.name) { lines.append("调整了材料顺序") }
    return lines
  }
}
