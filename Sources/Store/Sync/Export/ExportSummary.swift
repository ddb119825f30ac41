/// What an export wrote, for the one-line report.
public struct ExportSummary: Equatable, Sendable {
  public var peer: String
  public var peerName: String
  public var serial: Int
  public var path: String
  /// Events sent whole, per origin.
  public var events: [String: Int]
  public var casesTouched: Int
  /// Unresolved conflicts among the cases sent.
  public var conflicts: Int

  public var totalEvents: Int { events.values.reduce(0, +) }

  public var message: String {
    let head = "已导出给\(peerName)(\(peer))的第 \(serial) 号同步文件 \(path)"
    guard totalEvents > 0 else { return head + ": 对方已有本节点可发送的全部事件,文件只用于核对接收进度" }
    return head
      + ": 事件 \(totalEvents) 个(\(ImportSummary.byOrigin(events))),涉及案件 \(casesTouched) 件,其中待处理冲突 \(conflicts) 个"
  }
}
