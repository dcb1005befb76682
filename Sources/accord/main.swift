#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AccordCommandLine

// The whole tool lives in AccordCommandLine, where tests run it in-process.
let result = run(Invocation(arguments: Array(CommandLine.arguments.dropFirst()), stdin: { FileSystem.readStandardInput() },
                            environment: currentEnvironment(), stdoutIsTerminal: isatty(1) != 0))
writeAndExit(result)
