import io.configurableagents.it.ItDocker

ItDocker.removeQuietly(['base-images-it'], ['base-images-it-data'], ['base-images-it:1.0.0'])
// the jlink base that deploy-end-to-end loaded, named both ways: in the daemon, and saved to a tar
def base = ItDocker.docker('images', '--format', '{{.Repository}}:{{.Tag}}', 'configurable-agents-jre').readLines()
    .find { it.trim() }
assert base : 'no configurable-agents-jre image in Docker: run deploy-end-to-end first'
def tar = new File(basedir, 'base.tar')
ItDocker.docker('save', '-o', tar.path, base)
new File(basedir, 'daemon-base.properties').text = "workflow.baseImage=docker://${base}\n"
new File(basedir, 'tar-base.properties').text = "workflow.baseImage=tar://base.tar\n"
new File(basedir, 'base.name').text = base
return true
