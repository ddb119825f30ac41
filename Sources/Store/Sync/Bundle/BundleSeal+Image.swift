import Domain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension BundleSeal {
  /// Reads the image of `path` into `image` (exactly its size) and computes its code under `key`
  /// on the bytes as they arrive, then reads the trailer after it; true when that trailer is
  /// `self` and its code matches.
  ///
  /// The reading (the kernel's copy into fresh memory, zeroing each new page first) runs on a
  /// second thread while this one hashes what has arrived: on two cores the two overlap instead
  /// of taking turns (each about 0.4 s for a 10k township's first bundle). The code is computed
  /// on the private copy itself, and nothing reads the copy before this returns true.
  func readVerified(path: String, into image: BundleImage, key: [UInt8]) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var mac = HMACSHA256(key: key)
    let fill = ImageFill(fd: fd, into: image.bytes, trailerSize: Self.size)
    var hashed = 0
    while let filled = fill.wait(beyond: hashed) {
      mac.update(UnsafeRawBufferPointer(rebasing: image.bytes[hashed..<filled]))
      hashed = filled
    }
    // Always waited for, also when the file was short: nothing writes into the image after.
    let trailer = fill.join()
    guard hashed == image.bytes.count, let trailer else { return false }
    return matches(trailer: trailer, imageLength: UInt64(hashed), mac: &mac)
  }
}

/// A file read into memory on a thread of its own, its progress published as it goes.
private final class ImageFill: @unchecked Sendable {
  /// Bytes read before the hashing thread is told: a wake-up per MB.
  static let step = 1 << 20

  private let fd: Int32
  private let target: UnsafeMutableRawBufferPointer
  private let trailerSize: Int
  // Read and written with `condition` locked.
  private let condition = NSCondition()
  private var filled = 0
  private var finished = false
  /// The bytes after the image (up to `trailerSize`), nil when the image was not read whole.
  private var trailer: [UInt8]?

  /// Starts reading `fd` from where it stands: `target.count` bytes, then the trailer.
  init(fd: Int32, into target: UnsafeMutableRawBufferPointer, trailerSize: Int) {
    self.fd = fd
    self.target = target
    self.trailerSize = trailerSize
    let thread = Thread { [self] in run() }
    thread.name = "zwfw-bundle-read"
    thread.start()
  }

  /// Waits until more than `hashed` bytes are read; how many are, or nil when no more will be.
  func wait(beyond hashed: Int) -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while filled <= hashed && !finished { condition.wait() }
    return filled > hashed ? filled : nil
  }

  /// Waits for the thread to end; the trailer read after the whole image, nil when the file
  /// ended (or failed) before.
  func join() -> [UInt8]? {
    condition.lock()
    defer { condition.unlock() }
    while !finished { condition.wait() }
    return trailer
  }

  private func run() {
    var at = 0
    var whole = true
    while at < target.count {
      let got = read(fd, target.baseAddress.map { $0 + at }, min(target.count - at, Self.step))
      if got < 0, errno == EINTR { continue }
      guard got > 0 else {
        whole = false
        break
      }
      at += got
      condition.lock()
      filled = at
      condition.broadcast()
      condition.unlock()
    }
    var tail: [UInt8]?
    if whole {
      var bytes = [UInt8](repeating: 0, count: trailerSize)
      var n = 0
      while n < trailerSize {
        let got = bytes.withUnsafeMutableBytes {
          read(fd, $0.baseAddress.map { $0 + n }, trailerSize - n)
        }
        if got < 0, errno == EINTR { continue }
        guard got > 0 else { break }
        n += got
      }
      // A short trailer is refused by its parse, as the copy to a scratch file refuses it.
      tail = Array(bytes.prefix(n))
    }
    condition.lock()
    trailer = tail
    finished = true
    condition.broadcast()
    condition.unlock()
  }
}
