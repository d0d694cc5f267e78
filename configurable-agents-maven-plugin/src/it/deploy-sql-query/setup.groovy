import io.configurableagents.it.ItDocker

// leftovers of an earlier run that stopped half-way
ItDocker.removeQuietly(['sqlquery-it'], ['sqlquery-it-data'], ['sqlquery-it:1.0.0'])

// the database on the data volume (copied there once the container runs); web_search goes to Tavily, whose key
// is set, so no Serper key is needed; shell's ALLOWED_COMMANDS is left out on purpose (a warning, no failure)
new File(basedir, '.env').text = 'OPENAI_API_KEY=sk-it-not-a-real-key\n' +
    'SQL_QUERY_URL=jdbc:sqlite:/app/data/files/teas.db\n' +
    'WEB_SEARCH_PROVIDER=tavily\n' +
    'TAVILY_API_KEY=tvly-it-not-a-real-key\n'
return true
