import io.configurableagents.it.ItDocker

ItDocker.removeQuietly(['generate-it'], ['generate-it-data'], ['generate-it:1.0.0'])
// compose reads the env file the generated docker-compose.yml names
new File(basedir, '.env').text = 'OPENAI_API_KEY=generate-it-placeholder\n'
return true
