import Domain

extension CatalogPane {
  /// 导入的事项 — each item of an import with what it does, and for a version after the first
  /// the elements that differ from the version it was compared with: the reviewer judges the
  /// whole file here before approving it at once.
  func batchLines(_ items: [ChangeBatchItem], bases: [String: CatalogItem]) -> [DetailLine] {
    var lines: [DetailLine] = [.heading("导入的事项(\(items.count)项,审核通过后同时生效)")]
    for (i, item) in items.enumerated() {
      let base = bases[item.itemCode]
      let against = item.baseVersion.map { "(与第\($0)版相比)" } ?? ""
      lines.append(
        .field(
          "第\(i + 1)项",
          "\(item.kind.title) \(item.proposed.name)(\(item.itemCode))\(against)"))
      lines.append(.field("实施主体", organisationName(item.proposed.organisation)))
      if let base, item.kind == .modify {
        lines += differenceLines(item.proposed.differences(from: base))
      } else if item.kind == .open {
        lines.append(
          .field(
            "承诺时限",
            "\(CatalogItem.limitText(item.proposed.promisedDays)),材料\(item.proposed.materials.count)项"
          ))
      } else {
        lines.append(.field("事项状态", "改为「\(item.proposed.status.title)」"))
      }
    }
    return lines
  }
}
