import Domain

/// 一件事 — the package section of a member's case view (第十九条: 统一反馈): the package's
/// status and deadline, then each member with its organisation, status and deadline, the
/// slowest marked, this case marked as 本件.
enum PackageLines {
  static func lines(_ p: PackageProgress, caseID: String, _ context: AppContext) -> [DetailLine] {
    let cal = context.calendar
    let r = p.package.registration
    var out: [DetailLine] = [.heading("一件事 \(p.package.id)")]
    out.append(.field("一件事", "\(r.name)(\(r.code) 第\(r.version)版,\(p.members.count)个成员事项)"))
    out.append(.field("受理通知书", "\(r.notice) \(p.package.registeredOn.iso)"))
    if let done = p.concludedOn {
      out.append(.styled("状态", "已办结 \(done.iso)(各成员均已办结)", .ok))
    } else {
      let cd = cal.countdown(today: context.today, due: p.due)
      let rule =
        p.longestDue.map {
          $0 > p.promisedDue ? "一件事承诺\(CatalogItem.limitText(r.promisedDays))" : "最慢成员"
        }
        ?? "一件事承诺"
      out.append(.field("状态", p.statusText))
      out.append(
        .styled(
          "办结期限", "\(p.due.iso)(\(rule))  \(cd.label)", CountdownBadge.style(cd, paused: false)))
    }
    for (i, m) in p.members.enumerated() {
      var marks: [String] = []
      if m.member.caseID == caseID { marks.append("本件") }
      if i == p.slowest, !p.isConcluded || p.members.count > 1 { marks.append("最慢") }
      let due: String
      if let closed = m.closedOn {
        due = "\(closed.iso)办结"
      } else if let d = m.due {
        due = "\(d.iso)前  \(cal.countdown(today: context.today, due: d).label)"
      } else {
        due = "期限未定"
      }
      let mark = marks.isEmpty ? "" : " [\(marks.joined(separator: "、"))]"
      let text =
        "\(m.member.caseID) \(m.member.name)(\(m.member.organisationName)) \(m.statusText) \(due)\(mark)"
      let style: Style = i == p.slowest && m.isOpen ? .warning : (m.isOpen ? .normal : .ok)
      out.append(.styled("成员\(i + 1)", text, style))
    }
    return out
  }
}
