"""The Scrapy project: spiders route requests; ``spiders.extract`` holds the pure parsing."""
