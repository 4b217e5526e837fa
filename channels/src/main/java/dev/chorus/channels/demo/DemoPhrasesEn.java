package dev.chorus.channels.demo;

import static dev.chorus.channels.demo.DemoPhrases.tones;

import dev.chorus.channels.demo.DemoPost.Tone;
import java.util.List;
import java.util.Map;

/** The English half of the phrasebook: the most templates, since most of the stream is English. */
final class DemoPhrasesEn {
  private DemoPhrasesEn() {}

  static final Map<String, List<String>> SLOTS =
      Map.ofEntries(
          Map.entry(
              "brand",
              List.of(
                  "Northwind", "Northwind", "Northwind Coffee", "@northwindcoffee", "#northwind")),
          Map.entry(
              "drink",
              List.of(
                  "oat latte",
                  "cold brew",
                  "flat white",
                  "cortado",
                  "iced oat latte",
                  "chai latte",
                  "filter coffee",
                  "mocha",
                  "cardamom bun",
                  "decaf cappuccino")),
          Map.entry(
              "beans",
              List.of(
                  "Harbour Blend",
                  "Ethiopia Guji",
                  "Colombia Huila decaf",
                  "Night Shift espresso",
                  "Kenya Kiambu",
                  "Brazil Cerrado")),
          Map.entry(
              "place",
              List.of(
                  "downtown",
                  "on the riverside",
                  "in Old Town",
                  "at the airport",
                  "on Market St",
                  "in Elm Park",
                  "by the station")),
          Map.entry(
              "brewer",
              List.of("moka pot", "AeroPress", "French press", "V60", "espresso machine at home")),
          Map.entry("speed", List.of("55", "60", "70", "80", "90", "100")),
          Map.entry(
              "dbtable",
              List.of("Customers", "Orders", "Employees", "Products", "Suppliers", "Shippers")),
          Map.entry("city", List.of("London", "Seattle", "Tacoma", "Kirkland", "Redmond")),
          Map.entry("dbms", List.of("Postgres", "SQLite", "MySQL", "DuckDB")),
          Map.entry("venue", List.of("the Crescent", "Union Hall", "the Old Mill", "the Roxy")),
          Map.entry("when", List.of("tonight", "this afternoon", "on Friday", "this weekend")),
          Map.entry("clothes", List.of("coat", "jacket", "scarf", "hoodie", "soul")),
          Map.entry("mins", List.of("15", "20", "25", "35", "40", "45")),
          Map.entry("day", List.of("Sundays", "Saturdays", "public holidays", "Mondays")),
          Map.entry("time", List.of("7", "7:30", "6:45", "8", "6")),
          Map.entry("order", List.of("#NW-4471", "#NW-5208", "#NW-6093", "#NW-7312", "#NW-8150")),
          Map.entry(
              "thing",
              List.of(
                  "subscription box",
                  "grinder",
                  "gift card",
                  "beans order",
                  "loyalty card",
                  "app",
                  "online order")),
          Map.entry(
              "url",
              List.of(
                  "https://photos.example/p/8812",
                  "https://maps.example/?q=northwind+coffee",
                  "https://blog.example.org/best-coffee-this-winter",
                  "https://example.com/receipts/20931",
                  "https://video.example/watch?v=latte-art")),
          Map.entry(
              "happy", List.of("", "", " ☕", " 😍", " 🔥", " ✨", " 👏", " 🥐", " ❤️", " 🙌🏽")),
          Map.entry("sad", List.of("", "", " 😤", " 🙄", " 😞", " 😡", " 🫠")));

  static final Map<Tone, List<String>> TEMPLATES =
      tones(
          Tone.QUESTION,
          List.of(
              "Does {brand} open early on {day}? Need my coffee before the market",
              "Is the {drink} at {brand} dairy-free or do I have to ask for oat?",
              "{brand} can I pause my {thing} while I'm travelling next month?",
              "Anyone know if {brand} {place} has wifi and plugs? Need a place to work {when}",
              "Hey {brand}, is the {beans} still in stock? The shop says sold out{sad}",
              "What time does {brand} {place} close today?",
              "{brand} do you ship to Ireland? Asking for my sister{happy}",
              "Quick q for {brand}: which beans would you use for a {brewer}?",
              "Is there a student discount at {brand}? The {drink} adds up fast",
              "{brand} my {thing} shows a charge twice, who do I talk to?{sad}",
              "Can I bring my dog into {brand} {place}? 🐕",
              "{brand} is the {drink} sweetened? Trying to cut sugar"),
          Tone.COMPLAINT,
          List.of(
              "Waited {mins} minutes at {brand} {place} and my order was wrong. Not great{sad}",
              "{brand} my {thing} {order} still hasn't arrived, it's been two weeks{sad}",
              "The {drink} at {brand} was lukewarm today. Third time this month.",
              "Your app logged me out and ate my loyalty stamps {brand}{sad}",
              "{brand} charged me twice for one {drink}. Receipt: {url}",
              "Music so loud at {brand} {place} I couldn't hear my own call{sad}",
              "Ordered {beans} from {brand}, got decaf instead. Not the morning I needed.",
              "So {brand} raised prices AGAIN? A {drink} is now more than my lunch{sad}",
              "{brand} the bag of {beans} arrived split open, beans all over the box."
                  + " I've been a subscriber for two years and this is the third damaged parcel"
                  + " since the summer. I emailed support on Monday and again on Thursday and"
                  + " nobody has answered. Please fix your packaging, or at least your inbox{sad}",
              "The {thing} page keeps throwing an error at checkout. Tried three cards. {url}"),
          Tone.PRAISE,
          List.of(
              "Honestly the {drink} at {brand} is worth every cent, love it{happy}",
              "{brand} {place} staff remembered my order after one visit. That's how you do it{happy}",
              "The {beans} from {brand} is the best thing in my kitchen right now{happy}",
              "Rainy Tuesday, {drink} from {brand}, good book. Perfect{happy}",
              "Shoutout to the barista at {brand} {place} who drew a cat in my {drink} {url}",
              "{brand}'s {thing} just arrived and it smells incredible{happy}",
              "I love the new compostable cups at {brand}, finally{happy}",
              "Tried the {drink} at {brand} on a whim and now I'm ruined for every other café{happy}",
              "Came to {brand} {place} for a quick {drink} and stayed three hours. The light in"
                  + " there in the afternoon, the playlist, the way nobody rushes you out: it's the"
                  + " closest thing this city has to a living room. Also the {beans} pour-over is"
                  + " unreal. Going back tomorrow{happy}",
              "{brand} {drink} + sunshine {place} = best morning of the week{happy}"),
          Tone.RECOMMENDATION,
          List.of(
              "{friend} you have to try the {drink} at {brand} {place}, trust me{happy}",
              "Best roasters this winter: {brand}, Bean There, Kiln. {url}",
              "If you're visiting, skip the chains and go to {brand} {place}. Thank me later",
              "{friend} {friend2} coffee at {brand} on Saturday? Their {drink} is the best in town",
              "Gift idea: a {brand} {thing}. My dad hasn't stopped talking about the {beans}",
              "Working remotely in Old Town? {brand} has plugs, decent wifi and great {drink}",
              "Everyone asks where my beans are from: {brand}, the {beans}. You're welcome{happy}"),
          Tone.QUOTE,
          List.of(
              "Yes!!{happy} RT {brandpost}",
              "Finally. > {brandpost}",
              "Setting an alarm for this one ⏰ “{brandpost}”",
              "Hmm, not sure about this{sad} “{brandpost}”",
              "{friend} look 👀 “{brandpost}”",
              "This is why I keep coming back. RT {brandpost}"),
          Tone.FOLLOW_UP,
          List.of(
              "Any update on this? Still waiting{sad}",
              "Update: they sorted it out within the hour, thanks {brand}{happy}",
              "Never mind, found it in the {thing} FAQ",
              "Tried again this morning, same problem{sad}",
              "Going back today to see if it's better",
              "Adding: the staff {place} were lovely about it{happy}",
              "Also the {drink}. Just saying{happy}",
              "Edit: it was the one {place}, not the other one"),
          Tone.REPLY,
          List.of(
              "Same here{sad}",
              "+1, happened to me {place} too{sad}",
              "{root} I think they open at {time} on weekends",
              "{root} try the {drink}, you won't regret it{happy}",
              "Agree 100%{happy}",
              "Not my experience, the one {place} has always been quick for me",
              "{root} send them a DM, they answered me within an hour",
              "{root} the {beans} is back, I bought a bag yesterday",
              "This thread is making me want a {drink}"),
          Tone.MENTION,
          List.of(
              "Meeting a client at {brand} {place} at {time}, wish me luck",
              "Reading list + {brand} {drink}, that's the Sunday plan",
              "Spotted the {brand} van at the farmers market {when}",
              "Our office switched to {brand} {beans} this week",
              "{brand} {place} was packed today, some kind of event?",
              "Photo from {brand} {place} this afternoon {url}",
              "Study session at {brand} with {friend} 📚"),
          Tone.NOISE,
          List.of(
              "Running my SQL homework against the Northwind sample database again. {dbtable},"
                  + " Order Details, forever",
              "Northwind gusts up to {speed} km/h on the ridge {when}, stay safe out there",
              "Anyone else migrating the old Northwind Traders demo to {dbms}?",
              "Northwind (the band) live at {venue} {when}, still a few tickets",
              "The Northwind ferry is cancelled {when} because of the swell",
              "Northwind Street is closed {when} for roadworks",
              "That northwind off the lake went straight through my {clothes}",
              "Query of the day: SELECT * FROM Northwind.dbo.{dbtable} WHERE City = '{city}';",
              "Why does every {dbms} tutorial use Northwind? Asking for a friend who knows"
                  + " {dbtable} by heart now"),
          Tone.HOSTILE,
          List.of(
              "<script>alert('northwind')</script> best {drink} in town",
              "{brand} <img src=x onerror=alert(document.cookie)> love the {drink}",
              "\"><svg/onload=alert(1)> {brand} is your {thing} page broken?",
              "Northwind'); DROP TABLE inbound_items;-- lol",
              "<a href=\"javascript:alert(1)\">Free Northwind coffee coupon</a>",
              "{{7*7}} ${7*7} <iframe src=\"https://evil.example\"></iframe> Northwind giveaway!!",
              "<style>body{display:none}</style>Northwind coffee is the best"));
}
