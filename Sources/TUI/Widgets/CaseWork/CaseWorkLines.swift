import Domain

/// The case view's lines of case work, the same in every kind of case: who works it inside the
/// organisation, and where it was redirected from.
enum CaseWorkLines {
  static func fields(_ w: CaseWork, assignee: String?, names: [String: String]) -> [DetailLine] {
    var out: [DetailLine] = []
    if let a = assignee { out.append(.field("经办人", names[a] ?? a)) }
    for r in w.redirections {
      out.append(
        .field("转办", "\(r.on.iso) \(names[r.by] ?? r.by) 由\(r.fromName)转至\(r.toName): \(r.reason)"))
    }
    return out
  }
}
