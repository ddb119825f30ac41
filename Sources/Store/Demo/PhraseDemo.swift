import Domain
import Foundation

/// The demo's 常用语 (`share/zwfw/demo/phrases.tsv`): a few for each kind, for the whole district
/// and for 王岘镇, added by the demo's district admin through the same command an admin runs.
enum PhraseDemo {
  static let seed = DemoSeed("phrases") { store, env in
    guard let admin = env.staff("zhangmin") else {
      throw StoreError.invalid("演示常用语需要管理员 zhangmin")
    }
    let clock = store.clock
    // Kept since the district began, so every scripted step can already use them.
    store.clock = { Demo.foundedAt.addingTimeInterval(3600) }
    defer { store.clock = clock }
    for (i, row) in try env.share.table("demo/phrases.tsv").enumerated() {
      guard row.count == 3, case .success(let kind) = PhraseKind.parse(row[0]) else {
        throw StoreError.invalid("demo/phrases.tsv 第\(i + 1)行格式错误")
      }
      try store.addPhrase(kind: kind, org: row[1].isEmpty ? nil : row[1], text: row[2], by: admin)
    }
  }
}
