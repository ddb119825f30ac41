import Foundation
import Store

extension DatabaseChecks {
  /// 系统时钟 — the machine's clock against the node's latest event: far behind it, the node
  /// refuses to start (`Store.clockProblem`). The system clock itself is judged, not `--now`.
  static let clock = DoctorCheck("系统时钟") { c in
    let store = try c.store()
    let now = Date()
    if let problem = try store.clockProblem(at: now) {
      return .fail(problem, fix: "启用 NTP(timedatectl set-ntp true)或校准系统时间")
    }
    let latest = try store.latestEventTime().map { c.env.zone.format($0) } ?? "无"
    return .pass("本机时钟 \(c.env.zone.format(now)),本节点最新记录 \(latest)")
  }
}
