#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two POSIX calls that the tool's own `read` and `write` functions shadow, so they are named
/// by module here and nowhere else: the only place that says Glibc or Darwin.
public enum POSIX {
    /// Reads up to `buffer.count` bytes, trying again when a signal interrupts: the count read,
    /// 0 at the end, -1 on an error (`errno` says which).
    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            #elseif canImport(Darwin)
            let count = Darwin.read(fd, buffer.baseAddress, buffer.count)
            #endif
            if count < 0, errno == EINTR { continue }
            return count
        }
    }

    /// Writes every byte: a write may take only part of them (a pipe, a signal), so it goes on
    /// from where the last one stopped. False on an error (`errno` says which).
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                #if canImport(Glibc)
                let count = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                #elseif canImport(Darwin)
                let count = Darwin.write(fd, buffer.baseAddress! + written, buffer.count - written)
                #endif
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
    }
}
