#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AccordDiagnostics

extension LanguageServer {
    /// Runs the server until `exit` or the end of input: `read` returns the next chunk of bytes
    /// (nil at the end), `write` sends bytes. Returns the exit status: 0 after `shutdown` and
    /// `exit`, 1 otherwise (input ended without them).
    public mutating func serve(read: () -> [UInt8]?, write: ([UInt8]) -> Void) -> Int32 {
        var framer = MessageFramer()
        while let chunk = read() {
            framer.append(chunk)
            while let frame = framer.next() {
                let replies: [JSON]
                switch frame {
                case .message(let body): replies = receive(body)
                case .malformedHeader(let reason): replies = [Self.response(id: .null, error: .parseError(reason))]
                }
                for reply in replies { write(MessageFramer.frame(reply.serialized)) }
                if let exitCode { return exitCode }
            }
        }
        return 1
    }

    /// Serves LSP over standard input and output.
    public mutating func serveStandardIO() -> Int32 {
        // A client that goes away must not kill the server mid-write with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        return serve(read: {
            let count = buffer.withUnsafeMutableBytes { POSIX.read(0, into: $0) }
            return count > 0 ? Array(buffer[..<count]) : nil
        }, write: { bytes in
            // A client gone away ends the server at its next read.
            _ = POSIX.writeAll(1, bytes)
        })
    }
}
