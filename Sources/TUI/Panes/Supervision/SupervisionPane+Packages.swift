import Domain
import Store

/// 一件事 on the 督办 board (第十九条): the packages not yet concluded, newest first, each with its
/// status (members concluded of all), its deadline and its slowest member — the member to chase.
/// The members themselves are on the board already, counted as the cases they are.
extension SupervisionPane {
  static let toPackages = KeyBinding([.char("p")], SupervisionCommand.packages, "一件事")

  static let packageKeys = KeymapSection(
    "一件事",
    [
      KeyBinding([.escape], SupervisionCommand.back, "返回总览", bar: true),
      toBoard, toNotices, toTimeliness, toComplaints, move,
    ])

  func renderPackages(into frame: inout Frame, area: Rect, _ context: AppContext) {
    let overdue = packages.filter { $0.due < context.today }.count
    frame.put(
      "未办结的一件事\(packages.count)件(超期\(overdue)件);成员办件已计入期限总览", x: area.x, y: area.y,
      maxWidth: area.width, style: .bold)
    let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    let columns = [
      TableColumn("期限", width: 8), TableColumn("一件事编号", width: 15),
      TableColumn("一件事", width: 16), TableColumn("申请人", width: 14),
      TableColumn("已办结", width: 6), TableColumn("最慢成员", width: 20, flexible: true),
    ]
    let rows = packages.map { p -> TableRow in
      let slowest = p.slowest.map { p.members[$0] }
      let slow =
        slowest.map {
          "\($0.member.name)(\($0.member.organisationName))"
            + ($0.due.map { " \($0.iso)" } ?? "")
        } ?? "-"
      return TableRow([
        CountdownBadge.cell(due: p.due, context), TableCell(p.package.id),
        TableCell(p.package.name), TableCell(p.package.registration.applicant.name),
        TableCell("\(p.closedCount)/\(p.members.count)"), TableCell(slow),
      ])
    }
    table(columns, rows, packageCursor, empty: "没有未办结的一件事", into: &frame, area: body)
  }
}
