extension ListAdjustmentRules {
  /// The `deadline` row kind of a list-adjustment task.
  public static let deadlineKind = "listAdjustment"

  /// 清单调整 `id`: the catalog's update deadline while items remain to be updated.
  public static func openDeadlines(_ a: ListAdjustment, id: String, _ calendar: WorkCalendar)
    -> [OpenDeadline]
  {
    guard a.state == .open else { return [] }
    let r = a.record
    return [
      OpenDeadline(
        kind: deadlineKind, caseID: id, organisation: r.organisation,
        title: "\(r.list.title)调整(\(r.document)): 更新\(r.items.count)个事项",
        state: "待更新(已更新\(a.settled.count)/\(r.items.count))", start: r.adjustedOn,
        limitDays: updateLimit, due: due(r, calendar: calendar))
    ]
  }
}
