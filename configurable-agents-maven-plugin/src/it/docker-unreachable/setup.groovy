import io.configurableagents.it.ItDocker
import java.nio.file.Path

ItDocker.deadSocket(Path.of('/tmp/configurable-agents-it-dead.sock'))
return true
